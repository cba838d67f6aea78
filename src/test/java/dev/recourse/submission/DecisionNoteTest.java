package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.denial.CodeSystems;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;

/** What a decision says on the case, and at which level its triage reads it: from what we sent. */
class DecisionNoteTest {

	@Test
	void note_saysTheStage_theCodes_theReasons_thePayersNote_andTheNextStep() {
		ClaimResponse decision = decision("A3", "03");
		decision.setCreated(new Date(0));
		decision.addProcessNote().setText("Two DMARDs not tried.");

		String note = DecisionNote.of(decision, "upheld", "external-review, file by 1970-05-01");

		assertThat(note).isEqualTo("Payer decision of 1970-01-01: upheld (X12 306 A3 Not Certified; reasons 03). The payer's note: "
				+ "\"Two DMARDs not tried.\". Next step: external-review, file by 1970-05-01.");
	}

	@Test
	void approval_hasNoReasons() {
		assertThat(DecisionNote.of(decision("A1", null), "approved", "none")).contains("approved (X12 306 A1 Not Certified)")
				.doesNotContain("reasons", "payer's note");
	}

	@Test
	void appealsAreCertificationType1or2_expeditedIs1_exceptionsAreI() {
		assertThat(DecidedCase.appealed(packet("2"))).isTrue();
		assertThat(DecidedCase.expedited(packet("2"))).isFalse();
		assertThat(DecidedCase.appealed(packet("1"))).isTrue();
		assertThat(DecidedCase.expedited(packet("1"))).isTrue();
		assertThat(DecidedCase.appealed(packet("I"))).isFalse();
		assertThat(DecidedCase.appealed(new Bundle().addEntry(new Bundle.BundleEntryComponent().setResource(new Claim())))).isFalse();
	}

	private static Bundle packet(String certificationType) {
		Claim claim = new Claim();
		claim.addItem().addExtension(PacketParts.CERTIFICATION_TYPE,
				new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1322", certificationType, null)));
		return new Bundle().addEntry(new Bundle.BundleEntryComponent().setResource(claim));
	}

	private static ClaimResponse decision(String action, String reason) {
		ClaimResponse decision = new ClaimResponse();
		Extension review = decision.addItem().addAdjudication().addExtension().setUrl(CodeSystems.PAS_REVIEW_ACTION);
		review.addExtension(CodeSystems.PAS_REVIEW_ACTION_CODE, new CodeableConcept(new Coding(CodeSystems.X12_REVIEW_ACTION, action, "Not Certified")));
		if (reason != null) {
			review.addExtension("reasonCode", new CodeableConcept(new Coding(CodeSystems.X12_REVIEW_DECISION_REASON, reason, null)));
		}
		return decision;
	}
}
