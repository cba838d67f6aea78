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
		return of(Pas.PENDED, "Pended", number, java.util.List.of());
	}

	/** A PAS reviewAction extension: the X12 306 action, the payer's review number when there is one, X12 886 reasons. */
	static Extension of(String action, String display, String number, java.util.List<Coding> reasons) {
		Extension review = new Extension(Pas.REVIEW_ACTION);
		review.addExtension(Pas.REVIEW_ACTION_CODE, new CodeableConcept(new Coding(Pas.REVIEW_ACTION_CODES, action, display)));
		if (number != null) {
			review.addExtension(Pas.REVIEW_NUMBER, new StringType(number));
		}
		reasons.forEach(reason -> review.addExtension("reasonCode", new CodeableConcept(reason.copy())));
		return review;
	}

	static CodeableConcept submitted() {
		return new CodeableConcept(new Coding(Pas.ADJUDICATION, "submitted", null));
	}
}
