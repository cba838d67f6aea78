package dev.recourse.payer;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/** PAS's per-item decision: the reviewAction extension on an adjudication of category {@code submitted}. */
final class ReviewActions {
	private ReviewActions() {
	}

	/** A PAS reviewAction extension saying A4 (pended), with the payer's review number when there is one. */
	static Extension pended(String number) {
		Extension review = new Extension(Pas.REVIEW_ACTION);
		review.addExtension(Pas.REVIEW_ACTION_CODE,
				new CodeableConcept(new Coding(Pas.REVIEW_ACTION_CODES, Pas.PENDED, "Pended")));
		if (number != null) {
			review.addExtension(Pas.REVIEW_NUMBER, new StringType(number));
		}
		return review;
	}

	static CodeableConcept submitted() {
		return new CodeableConcept(new Coding(Pas.ADJUDICATION, "submitted", null));
	}
}
