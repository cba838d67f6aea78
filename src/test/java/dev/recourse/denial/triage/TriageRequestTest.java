package dev.recourse.denial.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.denial.DecisionLevel;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.junit.jupiter.api.Test;

class TriageRequestTest {
	private static ClaimResponse marked(String level) {
		ClaimResponse denial = new ClaimResponse();
		denial.addExtension(DecisionLevel.EXTENSION, new CodeType(level));
		return denial;
	}

	@Test
	void aDenialMarkedFinalInternal_isTriagedAtThatLevel_unlessTheCallerAsksForAnother() {
		assertThat(TriageRequest.of(marked("final-internal"), null, null).levelOrDefault()).isEqualTo(DecisionLevel.FINAL_INTERNAL);
		assertThat(new TriageRequest(marked("final-internal"), null, null, null, DecisionLevel.INTERNAL_APPEAL, null, null).levelOrDefault())
				.isEqualTo(DecisionLevel.INTERNAL_APPEAL);
	}

	@Test
	void anUnmarkedDenial_isAFirstDecision() {
		assertThat(TriageRequest.of(new ClaimResponse(), null, null).levelOrDefault()).isEqualTo(DecisionLevel.INITIAL);
		assertThat(TriageRequest.of(null, null, null).levelOrDefault()).isEqualTo(DecisionLevel.INITIAL);
	}
}
