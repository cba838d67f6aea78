package dev.recourse.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.denial.Citation;
import dev.recourse.denial.SourceConfidence;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a payer's decision clock runs out, counted from its receipt of the request. */
class DecisionDueTest {

	@Test
	void hourClock_runsInElapsedTime() {
		DecisionDue due = DecisionDue.of(clock(72, ClockUnit.HOURS), Instant.parse("2026-11-20T15:30:00Z"));

		assertThat(due.due()).isEqualTo(Instant.parse("2026-11-23T15:30:00Z"));
		assertThat(due.missedAt(Instant.parse("2026-11-23T15:30:00Z"))).isFalse();
		assertThat(due.missedAt(Instant.parse("2026-11-23T15:30:01Z"))).isTrue();
	}

	@Test
	void dayClock_endsAtTheEndOfItsLastDay() {
		DecisionDue due = DecisionDue.of(clock(30, ClockUnit.CALENDAR_DAYS), Instant.parse("2026-11-20T15:30:00Z"));

		assertThat(due.due()).isEqualTo(Instant.parse("2026-12-20T23:59:59Z"));
	}

	@Test
	void businessDayClock_skipsWeekendsAndFederalHolidays() {
		// Wed 2026-11-25 + 3 business days: Thanksgiving (26th) and the weekend do not count → Tue 2026-12-01
		DecisionDue due = DecisionDue.of(clock(3, ClockUnit.BUSINESS_DAYS), Instant.parse("2026-11-25T09:00:00Z"));

		assertThat(due.due()).isEqualTo(Instant.parse("2026-12-01T23:59:59Z"));
	}

	@Test
	void aMonthClock_isAFilingClock_notADecisionClock() {
		assertThatThrownBy(() -> DecisionDue.of(clock(4, ClockUnit.MONTHS), Instant.parse("2026-11-20T00:00:00Z")))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filing clock");
	}

	@Test
	void shippedClocks_aPendedAcaAppeal_isDueThirtyDaysAfterReceipt() {
		PathwayPlanner planner = PathwayPlanner.load();
		PathwayQuery query = new PathwayQuery(java.util.List.of(dev.recourse.denial.DenialCategory.MEDICAL_NECESSITY),
				java.util.List.of(dev.recourse.denial.PlanRegime.ACA_INDIVIDUAL), dev.recourse.denial.DecisionLevel.INITIAL, false,
				dev.recourse.denial.ServiceTiming.PRE_SERVICE, new AnchorDates(java.time.LocalDate.parse("2026-11-01"), null),
				java.time.LocalDate.parse("2026-11-20"));

		ClockRule standard = planner.decisionClock(PathwayCode.INTERNAL_APPEAL, query, false, java.time.LocalDate.parse("2026-11-20")).orElseThrow();
		ClockRule expedited = planner.decisionClock(PathwayCode.INTERNAL_APPEAL, query, true, java.time.LocalDate.parse("2026-11-20")).orElseThrow();

		assertThat(standard.id()).isEqualTo("erisa-appeal-decision");
		assertThat(DecisionDue.of(standard, Instant.parse("2026-11-20T10:00:00Z")).due()).isEqualTo(Instant.parse("2026-12-20T23:59:59Z"));
		assertThat(expedited.id()).isEqualTo("erisa-appeal-expedited");
		assertThat(DecisionDue.of(expedited, Instant.parse("2026-11-20T10:00:00Z")).due()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
	}

	private static ClockRule clock(int amount, ClockUnit unit) {
		return new ClockRule("test-clock", Anchor.REQUEST_RECEIPT, new Span(amount, unit), false, null, null, null,
				new Citation("a rule", SourceConfidence.V), null);
	}
}
