package dev.recourse.packet;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.Cases;
import dev.recourse.casework.PlanRecords;
import dev.recourse.common.Digests;
import dev.recourse.conformance.ConformanceValidator;
import dev.recourse.filing.CaseStanding;
import dev.recourse.letter.LetterDrafter;
import dev.recourse.server.LocalRepositories;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$assemble-filing}: the case → where it stands ({@link CaseStanding}) and its filing letter for the
 * pathway → {@link FilingChecks} (422 listing every gap) → {@link FilingComposition} (the letter, the decisions, the
 * map, the other signed letters, the evidence) → {@link PacketBundle} (every resource they refer to) as a document →
 * validated against RecourseFilingPacket → stored with the case's filing-packet output in one transaction. The
 * identifier comes from the content, so the same content is the same packet.
 */
@Service
class FilingPacketAssembler {
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-filing-packet";
	private final LocalRepositories repositories;
	private final ConformanceValidator validator;
	private final FhirContext fhirContext;
	private final CaseStanding standing;
	private final Clock clock = Clock.systemUTC();

	FilingPacketAssembler(LocalRepositories repositories, ConformanceValidator validator, FhirContext fhirContext, CaseStanding standing) {
		this.repositories = repositories;
		this.validator = validator;
		this.fhirContext = fhirContext;
		this.standing = standing;
	}

	Bundle assemble(IdType caseId, String pathway, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()).toUnqualifiedVersionless());
		CaseStanding.Standing at = standing.of(store, caseTask, denial,
				PlanRecords.caseCoverage(store, caseTask, denial));
		Optional<DocumentReference> letter = read(store, LetterDrafter.letterId(caseTask.getIdElement().getIdPart(), pathway));
		List<PacketProblem> problems = FilingChecks.check(pathway, at, letter);
		if (!problems.isEmpty()) {
			throw PacketProblem.unprocessable("The filing is not ready", problems);
		}
		String key = Digests.sha256Hex(caseTask.getIdElement().getIdPart() + "|" + pathway).substring(0, 32);
		Date now = Date.from(clock.instant());
		Composition composition = FilingComposition.of("filing-" + key, caseTask, letter.get(), now,
				FilingComposition.enclosures(store, caseTask, denial, at.decision(), letter.get()));
		Bundle packet = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(now);
		packet.getMeta().addProfile(PROFILE);
		PacketBundle.collect(fhirContext, packet, composition, new PacketBundle.Sources(Map.of(), store, request.getFhirServerBase()));
		packet.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + contentKey(packet)));
		packet.setId("filing-" + key);
		List<SingleValidationMessage> errors = validator.errors(packet, PROFILE);
		if (!errors.isEmpty()) {
			throw PacketProblem.unprocessable("The filing packet does not conform",
					errors.stream().map(error -> new PacketProblem(error.getLocationString(), error.getMessage())).toList());
		}
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(packet).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Bundle/filing-" + key);
		CaseOutputs.linkOnly(transaction, caseTask, "filing-packet", "Filing packet", "Bundle/filing-" + key);
		store.transaction(transaction);
		return store.read(Bundle.class, new IdType("Bundle", "filing-" + key));
	}

	/** What the packet says, leaving out when it was made: the same content is the same packet. */
	private String contentKey(Bundle packet) {
		Bundle content = packet.copy();
		content.setTimestamp(null);
		content.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Composition.class::isInstance)
				.forEach(resource -> ((Composition) resource).setDate(null));
		String digest = Digests.sha256Hex(fhirContext.newJsonParser().encodeResourceToString(content));
		return UUID.nameUUIDFromBytes(digest.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static Optional<DocumentReference> read(IRepository store, String id) {
		try {
			return Optional.of(store.read(DocumentReference.class, new IdType("DocumentReference", id)));
		} catch (BaseServerResponseException none) {
			return Optional.empty();
		}
	}
}
