package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;

class LegacyOutcomesTest {

	@Test
	void queued_isReadAsComplete_withA4OnEveryItem() {
		ClaimResponse legacy = new ClaimResponse().setOutcome(ClaimResponse.RemittanceOutcome.QUEUED);
		legacy.addItem().setItemSequence(1);
		legacy.addItem().setItemSequence(2).addAdjudication().setCategory(ReviewActions.submitted());

		LegacyOutcomes.normalize(legacy);

		assertThat(legacy.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(legacy.getItem()).allSatisfy(item -> assertThat(item.getAdjudication()).singleElement()
				.satisfies(adjudication -> assertThat(code(adjudication.getExtensionByUrl(Pas.REVIEW_ACTION))).isEqualTo("A4")));
	}

	@Test
	void queuedWithADecisionOnAnItem_keepsIt() {
		ClaimResponse legacy = new ClaimResponse().setOutcome(ClaimResponse.RemittanceOutcome.QUEUED);
		Extension certified = ReviewActions.pended("AUTH1");
		((CodeableConcept) certified.getExtensionByUrl(Pas.REVIEW_ACTION_CODE).getValue()).getCodingFirstRep().setCode("A1");
		legacy.addItem().setItemSequence(1).addAdjudication().setCategory(ReviewActions.submitted()).addExtension(certified);

		LegacyOutcomes.normalize(legacy);

		assertThat(code(legacy.getItemFirstRep().getAdjudicationFirstRep().getExtensionByUrl(Pas.REVIEW_ACTION))).isEqualTo("A1");
	}

	@Test
	void completeAndErrorOutcomes_areLeftAlone() {
		ClaimResponse complete = new ClaimResponse().setOutcome(ClaimResponse.RemittanceOutcome.ERROR);
		complete.addItem().setItemSequence(1);

		LegacyOutcomes.normalize(complete);

		assertThat(complete.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.ERROR);
		assertThat(complete.getItemFirstRep().hasAdjudication()).isFalse();
	}

	@Test
	void aBundlesClaimResponses_areNormalizedInPlace() {
		Bundle bundle = PasFixtures.referral();
		bundle.addEntry().setFullUrl("urn:uuid:1").setResource(new ClaimResponse().setOutcome(ClaimResponse.RemittanceOutcome.QUEUED));

		LegacyOutcomes.normalize(bundle);

		assertThat(((ClaimResponse) bundle.getEntry().get(bundle.getEntry().size() - 1).getResource()).getOutcome())
				.isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
	}

	private static String code(Extension review) {
		return ((CodeableConcept) review.getExtensionByUrl(Pas.REVIEW_ACTION_CODE).getValue()).getCodingFirstRep().getCode();
	}
}
