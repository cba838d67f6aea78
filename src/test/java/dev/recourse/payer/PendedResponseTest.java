package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;

class PendedResponseTest {

	@Test
	void everyItem_isPendedA4_underTheTrackingNumber_echoingItsSequenceAndTrace() {
		Claim claim = (Claim) PasFixtures.referral().getEntryFirstRep().getResource();
		Submission submission = Submission.of("ehr-1", new Identifier().setSystem("urn:x").setValue("1"));

		ClaimResponse response = PendedResponse.of(claim, "Claim/" + submission.copyId("c"), submission, new Date());

		String tracking = submission.trackingNumber();
		assertThat(response.getIdElement().getIdPart()).isEqualTo(submission.id());
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(response.getPreAuthRef()).isEqualTo(tracking);
		assertThat(response.getIdentifier()).extracting(Identifier::getValue).containsExactly(tracking, "111099");
		assertThat(response.getRequest().getReference()).isEqualTo("Claim/" + submission.copyId("c"));
		assertThat(response.getRequest().getIdentifier().getValue()).isEqualTo("111099");
		assertThat(response.getPatient().getReference()).isEqualTo(claim.getPatient().getReference());
		assertThat(response.getRequestor().getReference()).isEqualTo(claim.getProvider().getReference());
		assertThat(response.getInsurance()).singleElement().satisfies(insurance -> {
			assertThat(insurance.getFocal()).isTrue();
			assertThat(insurance.getCoverage().getReference()).isEqualTo(claim.getInsuranceFirstRep().getCoverage().getReference());
		});
		ClaimResponse.ItemComponent item = response.getItemFirstRep();
		assertThat(item.getItemSequence()).isEqualTo(1);
		assertThat(item.getExtensionByUrl(Pas.ITEM_TRACE_NUMBER)).isNotNull();
		assertThat(item.getExtensionByUrl(Pas.ADMINISTRATION_REFERENCE_NUMBER).getValue().primitiveValue()).isEqualTo(tracking);
		Extension review = item.getAdjudicationFirstRep().getExtensionByUrl(Pas.REVIEW_ACTION);
		assertThat(review.getExtensionByUrl(Pas.REVIEW_NUMBER).getValue().primitiveValue()).isEqualTo(tracking);
		assertThat(PasFixtures.reviewActions(response)).containsExactly("A4");
	}
}
