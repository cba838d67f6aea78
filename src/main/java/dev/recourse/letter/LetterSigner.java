package dev.recourse.letter;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.casework.Cases;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.security.Caller;
import dev.recourse.server.LocalRepositories;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code DocumentReference/[id]/$sign}: the prescriber signs a drafted letter off. Only a person logged in as a
 * Practitioner signs (a signature is theirs, not a client's). What is signed is what the draft showed: the letter is
 * gathered again from the case and must render to the draft's very HTML, else the case changed and the letter is
 * re-drafted first. Then authenticator, docStatus final and the signed HTML and PDF, in one update with If-Match.
 */
@Service
class LetterSigner {
	private final LocalRepositories repositories;
	private final LetterDrawing drawing;
	private final PathwayNames pathwayNames;
	private final Clock clock = Clock.systemUTC();

	LetterSigner(LocalRepositories repositories, LetterDrawing drawing, PathwayNames pathwayNames) {
		this.repositories = repositories;
		this.drawing = drawing;
		this.pathwayNames = pathwayNames;
	}

	DocumentReference sign(IdType letterId, RequestDetails request) {
		String signer = prescriberLogin(Caller.of(request));
		IRepository store = repositories.forRequest(request);
		DocumentReference letter = store.read(DocumentReference.class, new IdType("DocumentReference", letterId.getIdPart()));
		String id = letter.getIdElement().getIdPart();
		if (!LetterDocument.isLetter(letter)) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "DocumentReference.category",
					"DocumentReference/" + id + " is not a Recourse letter (RecourseLetter); only letters are signed here");
		}
		if (letter.hasAuthenticator()) {
			throw new RecourseException(RecourseError.CONFLICT, "DocumentReference.authenticator",
					"DocumentReference/" + id + " is already signed; a signed letter is final and frozen");
		}
		String code = LetterDocument.pathway(letter).orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE,
				"DocumentReference.extension:pathway", "DocumentReference/" + id + " names no pathway; draft it with $draft-letter"));
		Task caseTask = Cases.readOpen(store, caseOf(store, letter));
		LetterCase file = LetterCaseReader.read(store, caseTask);
		LetterDrawing.Plan plan = drawing.again(store, file, letter, code, request)
				.orElseThrow(() -> changed(id, "triage no longer offers the pathway " + code));
		String display = pathwayNames.display(code);
		var sections = LetterSections.of(Optional.of(letter));
		LetterDrawing.Drawn draft = drawing.draw(plan, file, display, sections, SignatureFacts.unsigned(file.prescriber()), false);
		byte[] reviewed = LetterDocument.content(letter, LetterDocument.HTML).map(Attachment::getHash).orElse(new byte[0]);
		if (!Arrays.equals(reviewed, LetterDocument.sha1(draft.html().getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
			throw changed(id, "the case's records changed since this draft was made");
		}
		Optional<Practitioner> practitioner = readPractitioner(store, signer);
		OffsetDateTime signedAt = OffsetDateTime.now(clock).withNano(0).withOffsetSameInstant(ZoneOffset.UTC);
		LetterDrawing.Drawn signed = drawing.draw(plan, file, display, sections, SignatureFacts.of(practitioner, Optional.of(signedAt)), true);
		DocumentReference updated = letter.copy();
		updated.setAuthenticator(new Reference(signer));
		updated.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
		LetterDocument.setContent(updated, signed.html(), signed.pdf());
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().setResource(updated).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("DocumentReference/" + id)
				.setIfMatch("W/\"" + letter.getIdElement().getVersionIdPart() + "\"");
		store.transaction(bundle);
		return store.read(DocumentReference.class, new IdType("DocumentReference", id));
	}

	/** {@code Practitioner/id} of the caller's own login; 403 for a client or a user who is not a Practitioner. */
	static String prescriberLogin(Optional<Caller> caller) {
		Optional<IdType> user = caller.filter(c -> !c.isBackendService()).flatMap(Caller::user).map(IdType::new)
				.filter(id -> "Practitioner".equals(id.getResourceType()) && id.hasIdPart());
		return user.map(id -> "Practitioner/" + id.getIdPart()).orElseThrow(() -> new RecourseException(RecourseError.FORBIDDEN, null,
				"Signing a letter needs the prescriber's own login: a user token whose fhirUser is a Practitioner. "
						+ "A system client or another kind of user cannot sign."));
	}

	/** The case that answers the letter's denial (context.related). */
	private static IdType caseOf(IRepository store, DocumentReference letter) {
		List<String> denials = letter.getContext().getRelated().stream()
				.flatMap(related -> LetterCaseReader.local(related, "ClaimResponse").stream()).toList();
		for (String denial : denials) {
			Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
			params.put("focus", List.of(new ReferenceParam(denial)));
			Optional<Task> found = store.search(Bundle.class, Task.class, params).getEntry().stream()
					.map(Bundle.BundleEntryComponent::getResource).map(Task.class::cast)
					.filter(task -> LetterDrafter.letterId(task.getIdElement().getIdPart(), LetterDocument.pathway(letter).orElse(""))
							.equals(letter.getIdElement().getIdPart()))
					.findFirst();
			if (found.isPresent()) {
				return found.get().getIdElement();
			}
		}
		throw new RecourseException(RecourseError.UNPROCESSABLE, "DocumentReference.context.related",
				"No case on file for the denial this letter answers; a letter is signed within its case");
	}

	private static Optional<Practitioner> readPractitioner(IRepository store, String reference) {
		try {
			return Optional.of(store.read(Practitioner.class, new IdType(reference)));
		} catch (BaseServerResponseException notOnFile) {
			// the signature block then leaves name, credentials and NPI for the specialist to complete
			return Optional.empty();
		}
	}

	private static RecourseException changed(String id, String why) {
		return new RecourseException(RecourseError.CONFLICT, "DocumentReference.content", "DocumentReference/" + id
				+ " cannot be signed as drafted: " + why + ". Draft it again with $draft-letter and review it before signing.");
	}
}
