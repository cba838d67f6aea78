package dev.recourse.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.denial.ServiceTiming;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filing deadlines from the shipped clocks.yaml, pinned to exact dates. */
class DeadlineCalculatorTest {

    private static final ClockRules CLOCKS = ClockRules.load();
    private static final LocalDate ON = LocalDate.of(2026, 6, 1);

    @ParameterizedTest(name = "{0}: notice {1}, received {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            // ACA federal external review: 4 months, month-end rule, weekend/holiday roll-forward
            "federal-external-review-filing, 2026-10-30, 2026-10-30, 2027-03-01",
            "federal-external-review-filing, 2024-02-29, 2024-02-29, 2024-07-01",  // Jun 29 2024 is a Saturday
            "federal-external-review-filing, 2027-10-31, 2027-10-31, 2028-03-01",  // leap year: no Feb 31
            "federal-external-review-filing, 2027-10-29, 2027-10-29, 2028-02-29",  // lands on leap day
            "federal-external-review-filing, 2026-03-04, 2026-03-04, 2026-07-06",  // Jul 4 Sat, observed Fri
            "federal-external-review-filing, 2026-07-26, 2026-07-26, 2026-11-27",  // Thanksgiving
            "federal-external-review-filing, 2026-08-25, 2026-08-25, 2026-12-28",  // Christmas Friday
            "federal-external-review-filing, 2026-08-20, -,          2026-12-21",  // receipt unknown: notice date
            // state external review floor: 4 months, no roll-forward
            "state-external-review-filing,   2026-03-04, 2026-03-04, 2026-07-04",
            // ERISA 180 days after receipt
            "erisa-appeal-filing,            2025-12-28, 2025-12-31, 2026-06-29",
            "erisa-appeal-filing,            2024-02-29, 2024-03-02, 2024-08-29",
            // Medicare Advantage / Part D: 60 days after receipt presumed 5 days after notice, no roll-forward
            "ma-reconsideration-filing,      2026-01-02, -,          2026-03-08",  // a Sunday: stays
            "ma-reconsideration-filing,      2026-01-02, 2026-01-05, 2026-03-06",  // known receipt wins
            "partd-redetermination-filing,   2024-02-24, -,          2024-04-29",  // presumed Feb 29
            "partd-ire-filing,               2026-12-31, -,          2027-03-06",
            // Medicaid: from the date on the notice
            "medicaid-plan-appeal-filing,    2026-03-31, 2026-04-06, 2026-05-30",
            "medicaid-continuation-filing,   2026-03-31, -,          2026-04-10",
            "medicaid-fair-hearing-filing,   2026-03-31, -,          2026-06-29",
            "medicaid-ffs-hearing-filing,    2025-11-30, -,          2026-02-28",
            "original-medicare-redetermination-filing, 2026-01-15, 2026-01-20, 2026-05-20",
    })
    void filingDeadline(String clockId, LocalDate notice, LocalDate received, LocalDate expected) {
        ClockRule rule = CLOCKS.find(clockId, ServiceTiming.PRE_SERVICE, ON).orElseThrow();
        FilingDeadline deadline = DeadlineCalculator.filingDeadline(rule, new AnchorDates(notice, received));
        assertThat(deadline.lastDay()).isEqualTo(expected);
    }

    @Test
    void filingDeadline_rolledForward_saysWhy() {
        ClockRule rule = CLOCKS.find("federal-external-review-filing", null, ON).orElseThrow();
        FilingDeadline deadline = DeadlineCalculator.filingDeadline(rule,
                new AnchorDates(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4)));
        assertThat(deadline.notes()).singleElement().asString()
                .contains("2026-07-04", "2026-07-06", "147.136(d)");
    }

    @Test
    void filingDeadline_presumedReceipt_saysSo() {
        ClockRule rule = CLOCKS.find("ma-reconsideration-filing", null, ON).orElseThrow();
        FilingDeadline deadline = DeadlineCalculator.filingDeadline(rule,
                new AnchorDates(LocalDate.of(2026, 1, 2), null));
        assertThat(deadline.notes()).singleElement().asString().contains("presumed 5 days", "2026-01-07");
    }

    @Test
    void filingDeadline_supportingStatementClock_hasNoDateYet() {
        ClockRule rule = CLOCKS.find("partd-exception-decision", null, ON).orElseThrow();
        FilingDeadline deadline = DeadlineCalculator.filingDeadline(rule,
                new AnchorDates(LocalDate.of(2026, 1, 2), null));
        assertThat(deadline.lastDay()).isNull();
        assertThat(deadline.notes()).singleElement().asString().contains("supporting statement");
    }

    @Test
    void count_businessDays_skipsHolidays() {
        assertThat(DeadlineCalculator.count(LocalDate.of(2026, 11, 24), new Span(5, ClockUnit.BUSINESS_DAYS)))
                .isEqualTo(LocalDate.of(2026, 12, 2));
    }
}
