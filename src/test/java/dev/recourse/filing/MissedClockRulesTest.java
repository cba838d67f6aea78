package dev.recourse.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.denial.DecisionLevel;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RuleFileException;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** rules/missed-decision-clocks.yaml and the case's record of a missed clock. */
class MissedClockRulesTest {
	private static final MissedClockRules RULES = new MissedClockRules();

	@Test
	void missedClock_deemsExhaustion_forAcaAndMedicaid_forwardsToTheIreForPartD() {
		assertThat(RULES.forRegime(PlanRegime.ACA_INDIVIDUAL).orElseThrow().level()).isEqualTo(DecisionLevel.FINAL_INTERNAL);
		assertThat(RULES.forRegime(PlanRegime.ERISA_SELF_FUNDED).orElseThrow().citation().text()).contains("29 CFR 2560.503-1(l)");
		assertThat(RULES.forRegime(PlanRegime.MEDICAID_MANAGED_CARE).orElseThrow().citation().text()).contains("42 CFR 438.408(c)(3)");
		MissedClockRules.Rule partD = RULES.forRegime(PlanRegime.MEDICARE_PART_D).orElseThrow();
		assertThat(partD.level()).isEqualTo(DecisionLevel.INTERNAL_APPEAL);
		assertThat(partD.consequence()).contains("forward the request to the independent review entity within 24 hours");
		assertThat(RULES.forRegime(PlanRegime.FEHB)).isEmpty();
	}

	@Test
	void anUnconfirmedRow_isRefused() {
		assertThatThrownBy(() -> new MissedClockRules("rules/broken/missed-clocks-unconfirmed.yaml"))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("unconfirmed");
	}

	@Test
	void recordedOnTheCase_readsBackAsWritten_oncePerSubmission() {
		MissedClock missed = new MissedClock("Task/submission-1", "internal-appeal", Instant.parse("2026-03-02T10:15:00Z"),
				Instant.parse("2026-04-01T23:59:59Z"), "29 CFR 2560.503-1(i)(2): pre-service appeal decided within 30 days",
				Optional.of("Deemed exhausted."), Optional.of("29 CFR 2560.503-1(l)(2)(i)"));
		Task caseTask = new Task();
		caseTask.addExtension(missed.toExtension());

		assertThat(MissedClock.on(caseTask)).containsExactly(missed);
		assertThat(MissedClock.recorded(caseTask, "Task/submission-1")).isTrue();
		assertThat(MissedClock.recorded(caseTask, "Task/submission-2")).isFalse();
	}
}
