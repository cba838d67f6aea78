package dev.recourse.letter;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** {@code DocumentReference/[id]/$sign}: the prescriber signs the drafted letter off; it is final and frozen afterwards. */
@Component
class SignLetterProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/DocumentReference-sign";
	private final LetterSigner signer;

	SignLetterProvider(LetterSigner signer) {
		this.signer = signer;
	}

	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.READ)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "Patient", verbs = Verb.READ)
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Claim", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "Organization", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Practitioner", verbs = Verb.READ)
	@RequiresAccess(resourceType = "QuestionnaireResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Condition", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Observation", verbs = Verb.READ)
	@RequiresAccess(resourceType = "MedicationStatement", verbs = Verb.SEARCH)
	@Operation(name = "$sign", type = DocumentReference.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "The prescriber signs the drafted letter off: authenticator, docStatus final, signed PDF; frozen afterwards")
	public DocumentReference sign(@IdParam IdType letterId, RequestDetails request) {
		return signer.sign(letterId, request);
	}
}
