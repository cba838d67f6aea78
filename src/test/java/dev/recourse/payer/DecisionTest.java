package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** What {@code $decide} takes as a decision, and what it refuses. */
class DecisionTest {
	private static final Coding REASON = new Coding(Decision.X12_886, "03", null);

	@Test
	void certified_needsNothingElse_andADenialItsReasonOrNote() {
		assertThat(Decision.of(new CodeType("A1"), null, null).display()).isEqualTo("Certified in total");
		assertThat(Decision.of(new CodeType("A3"), List.of(REASON), null).reasons()).hasSize(1);
		assertThat(Decision.of(new CodeType("A3"), List.of(), new StringType("Criterion 2 not met.")).note())
				.contains("Criterion 2 not met.");
	}

	@Test
	void notAReviewerDecision_aForeignReason_orABareDenial_areRefusedNamingTheParameter() {
		assertThatThrownBy(() -> Decision.of(new CodeType("A2"), null, null))
				.isInstanceOf(RecourseException.class).hasMessageContaining("decision");
		assertThatThrownBy(() -> Decision.of(new CodeType("A3"), List.of(new Coding("http://example.org", "03", null)), null))
				.isInstanceOf(RecourseException.class).hasMessageContaining("X12 886");
		assertThatThrownBy(() -> Decision.of(new CodeType("A3"), List.of(), new StringType(" ")))
				.isInstanceOf(RecourseException.class).hasMessageContaining("needs its reason");
	}
}
