package dev.recourse.packet;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.Cases;
import dev.recourse.common.Digests;
import dev.recourse.common.OperationOutcomes;
import dev.recourse.common.RecourseError;
import dev.recourse.conformance.ConformanceValidator;
import dev.recourse.evidence.EvidenceDocuments;
import dev.recourse.server.LocalRepositories;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$assemble}: read the case → check it is ready (422 listing every gap) → build the request
 * Claim from the denied request, or from the denial, Coverage and map when that is not on file → gather the bundle
 * → validate it against RecoursePacket and PAS (422 with the validator's findings) → store it as the case's packet,
 * once per content: the same case content gives the same packet, identifier included, so the identifier can serve
 * as the submission's idempotency key.
 */
@Service
class PacketAssembler {
	private static final String PAS_SERVICE_TYPES = "http://hl7.org/fhir/us/davinci-pas/ValueSet/X12278RequestedServiceType";
	private final LocalRepositories repositories;
	private final ConformanceValidator validator;
	private final FhirContext fhirContext;
	private final EvidenceDocuments evidenceDocuments;
	private final RequestItemRules itemRules = RequestItemRules.load();
	private final Clock clock = Clock.systemUTC();

	PacketAssembler(LocalRepositories repositories, ConformanceValidator validator, FhirContext fhirContext, EvidenceDocuments evidenceDocuments) {
		this.evidenceDocuments = evidenceDocuments;
		this.repositories = repositories;
		this.validator = validator;
		this.fhirContext = fhirContext;
	}

	Bundle assemble(IdType caseId, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		CaseFile file = CaseFiles.read(store, caseTask);
		List<PacketProblem> problems = PacketChecks.check(file, itemRules);
		if (!problems.isEmpty()) {
			throw unprocessable(problems);
		}
		List<DocumentReference> fromMap = evidenceDocuments.build(file.map().orElseThrow(), caseTask, store);
		List<DocumentReference> derived = fromMap.stream().filter(EvidenceDocuments::isDerived).toList();
		file = file.withEvidence(fromMap);
		Map<String, Resource> unstored = new LinkedHashMap<>();
		derived.forEach(document -> unstored.put("DocumentReference/" + document.getIdElement().getIdPart(), document));
		String caseKey = Digests.sha256Hex(caseTask.getIdElement().getIdPart()).substring(0, 32);
		PacketKind kind = PacketKind.of(PacketChecks.pathway(file).orElseThrow()).orElseThrow();
		Date now = Date.from(clock.instant());
		Claim claim = RequestClaimBuilder.build(file, seed(file), kind, "pending", now, validator.includedSystems(PAS_SERVICE_TYPES));
		Bundle packet = PacketBundle.collect(fhirContext, claim, "request-" + caseKey, unstored, store, request.getFhirServerBase(), new Identifier(), now);
		String contentKey = contentKey(packet);
		claim.getIdentifierFirstRep().setValue("RC-" + contentKey.substring(0, 20));
		packet.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.nameUUIDFromBytes(contentKey.getBytes(StandardCharsets.UTF_8))));
		Optional<Bundle> stored = storedPacket(store, caseKey).filter(earlier -> earlier.getIdentifier().getValue().equals(packet.getIdentifier().getValue()));
		if (stored.isPresent()) {
			return stored.get();
		}
		// named before validating: storing it then validates the very same content, which the validator remembers
		packet.setId("packet-" + caseKey);
		List<SingleValidationMessage> errors = validator.errors(packet, PacketBundle.PROFILE);
		if (!errors.isEmpty()) {
			throw unprocessable(errors.stream().map(error -> new PacketProblem(error.getLocationString(), error.getMessage())).toList());
		}
		store.transaction(storeWithCase(packet, derived, caseTask));
		return store.read(Bundle.class, new IdType("Bundle", "packet-" + caseKey));
	}

	/** The denied request on file, else what the case holds (checked by {@link PacketChecks} to be enough). */
	private RequestSeed seed(CaseFile file) {
		return file.originalRequest().map(RequestSeed::of).orElseGet(() -> ScratchRequest.seed(file, itemRules));
	}

	/** A digest of what the packet says, leaving out when it was made and what it is called. */
	private String contentKey(Bundle packet) {
		Bundle content = packet.copy();
		content.setTimestamp(null);
		content.setIdentifier(null);
		content.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Claim.class::isInstance)
				.forEach(resource -> ((Claim) resource).setCreated(null).getIdentifier().clear());
		return Digests.sha256Hex(fhirContext.newJsonParser().encodeResourceToString(content));
	}

	private static Optional<Bundle> storedPacket(IRepository store, String caseKey) {
		try {
			return Optional.of(store.read(Bundle.class, new IdType("Bundle", "packet-" + caseKey)));
		} catch (BaseServerResponseException none) {
			return Optional.empty();
		}
	}

	/** The packet, the evidence documents derived for it and the case's link to it: all or nothing. */
	private static Bundle storeWithCase(Bundle packet, List<DocumentReference> derived, Task caseTask) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (DocumentReference document : derived) {
			transaction.addEntry().setResource(document.copy()).getRequest().setMethod(Bundle.HTTPVerb.PUT)
					.setUrl("DocumentReference/" + document.getIdElement().getIdPart());
		}
		String packetUrl = "Bundle/" + packet.getIdElement().getIdPart();
		transaction.addEntry().setResource(packet).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(packetUrl);
		CaseOutputs.linkOnly(transaction, caseTask, "packet", "Packet", packetUrl);
		return transaction;
	}

	private static UnprocessableEntityException unprocessable(List<PacketProblem> problems) {
		return PacketProblem.unprocessable("The case is not ready to send", problems);
	}
}
