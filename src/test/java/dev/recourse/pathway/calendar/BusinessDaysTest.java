package dev.recourse.pathway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessDaysTest {

    @ParameterizedTest(name = "on or after {0} → {1}")
    @CsvSource({
            "2026-03-04, 2026-03-04",   // Wednesday stays
            "2026-03-07, 2026-03-09",   // Saturday → Monday
            "2026-07-03, 2026-07-06",   // observed Independence Day (Fri) → Monday
            "2026-11-26, 2026-11-27",   // Thanksgiving → Friday
            "2026-12-25, 2026-12-28",   // Christmas Friday → Monday
            "2027-01-16, 2027-01-19",   // Saturday, Sunday, MLK Monday → Tuesday
    })
    void onOrAfter(LocalDate date, LocalDate expected) {
        assertThat(BusinessDays.onOrAfter(date)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} business days after {0} → {2}")
    @CsvSource({
            "2026-03-02, 5, 2026-03-09",   // Monday + 5 → next Monday
            "2026-11-24, 5, 2026-12-02",   // skips Thanksgiving and the weekend
            "2026-12-31, 1, 2027-01-04",   // New Year's Day Friday, weekend
            "2026-06-17, 3, 2026-06-23",   // Juneteenth Friday and the weekend
    })
    void plus(LocalDate start, int days, LocalDate expected) {
        assertThat(BusinessDays.plus(start, days)).isEqualTo(expected);
    }
}
