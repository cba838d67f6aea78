package dev.recourse.pathway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthRuleTest {

    @ParameterizedTest(name = "{0} + {1} months → {2}")
    @CsvSource({
            "2026-10-30, 4, 2027-03-01",   // RULES.md example: no Feb 30 → first day of the fifth month
            "2026-10-31, 4, 2027-03-01",
            "2026-10-28, 4, 2027-02-28",
            "2027-10-29, 4, 2028-02-29",   // leap year has the day
            "2027-10-31, 4, 2028-03-01",
            "2024-02-29, 4, 2024-06-29",   // leap-day anchor
            "2025-01-31, 1, 2025-03-01",
            "2026-05-31, 4, 2026-10-01",   // no Sep 31
    })
    void plusMonths(LocalDate anchor, int months, LocalDate expected) {
        assertThat(MonthRule.plusMonths(anchor, months)).isEqualTo(expected);
    }
}
