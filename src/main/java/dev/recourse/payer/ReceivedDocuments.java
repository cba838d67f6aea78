package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;

/**
 * A document received with {@code $submit-attachment}, as this payer keeps it: about our copy of the member, in the
 * context of our copy of the request Claim. Its other references name resources at the provider's server, which
 * are not here (and a relative one would point into this server's records): they keep their display and identifier
 * only. Its profiles are dropped: the sender's profiles are not ours to enforce, and ours are not claimed by it.
 */
final class ReceivedDocuments {
	private ReceivedDocuments() {
	}

	static DocumentReference kept(FhirContext fhirContext, DocumentReference sent, ClaimResponse answer) {
		DocumentReference kept = sent.copy();
		kept.setMeta(new Meta());
		for (Reference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(kept, Reference.class)) {
			if (reference.hasReference() && !reference.getReference().startsWith("#")) {
				String original = reference.getReference();
				reference.setReference(null);
				if (!reference.hasDisplay() && !reference.hasIdentifier()) {
					reference.setDisplay("the provider's " + original);
				}
			}
		}
		kept.setSubject(new Reference(answer.getPatient().getReference()));
		kept.getContext().getRelated().clear();
		kept.getContext().addRelated(new Reference(answer.getRequest().getReference()));
		return kept;
	}
}
