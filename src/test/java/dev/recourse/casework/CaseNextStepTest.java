package dev.recourse.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RegimeFinding;
import dev.recourse.denial.triage.Triage;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The case's next step from a triage: the top eligible pathway and the earliest filing deadline among the eligible ones. */
class CaseNextStepTest {

	@Test
	void topEligiblePathway_andEarliestEligibleDeadline_replaceTheCasesOwn() {
		Triage triage = triage(
				option(PathwayCode.INTERNAL_APPEAL, 1, false, LocalDate.of(2026, 1, 1)),
				option(PathwayCode.EXTERNAL_REVIEW, 2, true, LocalDate.of(2026, 5, 1)),
				option(PathwayCode.REGULATOR_COMPLAINT, 3, true, LocalDate.of(2026, 3, 1)));
		Task caseTask = new Task();
		CaseNextStep.of(triage(option(PathwayCode.INTERNAL_APPEAL, 1, true, LocalDate.of(2025, 12, 1)))).applyTo(caseTask);

		CaseNextStep step = CaseNextStep.of(triage);
		step.applyTo(caseTask);

		assertThat(caseTask.getExtensionsByUrl(CaseNextStep.PATHWAY_EXTENSION)).singleElement()
				.satisfies(extension -> assertThat(((CodeableConcept) extension.getValue()).getCodingFirstRep().getCode()).isEqualTo("external-review"));
		assertThat(caseTask.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-03-01");
		assertThat(step.describe()).isEqualTo("external-review, file by 2026-03-01");
	}

	@Test
	void nothingEligible_removesPathwayAndDeadline() {
		Task caseTask = new Task();
		CaseNextStep.of(triage(option(PathwayCode.INTERNAL_APPEAL, 1, true, LocalDate.of(2025, 12, 1)))).applyTo(caseTask);

		CaseNextStep.of(triage(option(PathwayCode.INTERNAL_APPEAL, 1, false, LocalDate.of(2025, 12, 1)))).applyTo(caseTask);

		assertThat(caseTask.getExtensionsByUrl(CaseNextStep.PATHWAY_EXTENSION)).isEmpty();
		assertThat(caseTask.getRestriction().getPeriod().hasEnd()).isFalse();
	}

	@Test
	void aSpentPathway_isPassedOver_forTheNextEligibleOne() {
		Triage triage = triage(
				option(PathwayCode.PEER_TO_PEER, 1, true, null),
				option(PathwayCode.INTERNAL_APPEAL, 2, true, LocalDate.of(2026, 5, 1)));

		CaseNextStep step = CaseNextStep.of(triage, java.util.Set.of(PathwayCode.PEER_TO_PEER));

		assertThat(step.describe()).isEqualTo("internal-appeal, file by 2026-05-01");
		assertThat(CaseNextStep.of(triage).describe()).startsWith("peer-to-peer");
	}

	private static Triage triage(PathwayOption... options) {
		return new Triage(List.of(), List.of(), new RegimeFinding(PlanRegime.UNKNOWN, List.of(), List.of(), List.of()), List.of(options), List.of());
	}

	private static PathwayOption option(PathwayCode code, int rank, boolean eligible, LocalDate deadline) {
		return new PathwayOption(code, rank, eligible, "because", deadline, null, null, List.of(), List.of(), null);
	}
}
