package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

/** The case stage a payer's answer puts the case in, from its X12 306 review actions. */
class CaseStageTest {

	@Test
	void pendedA4_isUnderReview() {
		assertThat(CaseStage.of(answer(ClaimResponse.RemittanceOutcome.COMPLETE, "A4"))).isEqualTo("under-review");
	}

	@Test
	void queued_isUnderReview_evenWithoutReviewActions() {
		assertThat(CaseStage.of(answer(ClaimResponse.RemittanceOutcome.QUEUED))).isEqualTo("under-review");
	}

	@Test
	void allCertified_isApproved_allNotCertified_isUpheld_aMix_isPartiallyApproved() {
		assertThat(CaseStage.of(answer(ClaimResponse.RemittanceOutcome.COMPLETE, "A1", "A1"))).isEqualTo("approved");
		assertThat(CaseStage.of(answer(ClaimResponse.RemittanceOutcome.COMPLETE, "A3"))).isEqualTo("upheld");
		assertThat(CaseStage.of(answer(ClaimResponse.RemittanceOutcome.PARTIAL, "A1", "A3"))).isEqualTo("partially-approved");
	}

	@Test
	void noDecision_staysSubmitted() {
		assertThat(CaseStage.of(answer(ClaimResponse.RemittanceOutcome.COMPLETE))).isEqualTo("submitted");
	}

	private static ClaimResponse answer(ClaimResponse.RemittanceOutcome outcome, String... actions) {
		ClaimResponse response = new ClaimResponse().setOutcome(outcome);
		for (String action : actions) {
			response.addItem().addAdjudication().addExtension().setUrl(CaseStage.REVIEW_ACTION)
					.addExtension(CaseStage.REVIEW_ACTION_CODE, new CodeableConcept(new Coding("https://codesystem.x12.org/005010/306", action, null)));
		}
		return response;
	}
}
