package dev.recourse.payer;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;

/**
 * PAS before 2.0 — and the HL7 reference implementation, the DTR one and Aidbox still — said "pended" with
 * {@code outcome = queued}; PAS 2.2 says it with {@code outcome = complete} and review action A4 on each item
 * (STANDARDS.md, gotcha (a)). Both are accepted; only the 2.2 form is ever written or sent.
 */
final class LegacyOutcomes {
	private LegacyOutcomes() {
	}

	/** Every ClaimResponse among the Bundle's entries in its 2.2 form; the Bundle is changed in place. */
	static void normalize(Bundle bundle) {
		bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(ClaimResponse.class::isInstance).map(ClaimResponse.class::cast)
				.forEach(LegacyOutcomes::normalize);
	}

	/**
	 * A {@code queued} response in the 2.2 form: {@code complete}, and A4 on every item adjudication that carries no
	 * review action (an item without adjudication gets one). Any other outcome is left as it is.
	 */
	static void normalize(ClaimResponse response) {
		if (response.getOutcome() != ClaimResponse.RemittanceOutcome.QUEUED) {
			return;
		}
		response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
		for (ClaimResponse.ItemComponent item : response.getItem()) {
			if (!item.hasAdjudication()) {
				item.addAdjudication().setCategory(ReviewActions.submitted());
			}
			item.getAdjudication().stream().filter(adjudication -> !adjudication.hasExtension(Pas.REVIEW_ACTION))
					.forEach(adjudication -> adjudication.addExtension(ReviewActions.pended(null)));
		}
	}
}
