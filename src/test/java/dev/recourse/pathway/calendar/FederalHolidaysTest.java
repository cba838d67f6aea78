package dev.recourse.pathway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FederalHolidaysTest {

    @ParameterizedTest(name = "{0} is a federal holiday ({1})")
    @CsvSource({
            "2026-01-01, New Year's Day",
            "2026-01-19, MLK Day: third Monday of January",
            "2026-02-16, Washington's Birthday: third Monday of February",
            "2026-05-25, Memorial Day: last Monday of May",
            "2026-06-19, Juneteenth on a Friday",
            "2026-07-03, Independence Day on Saturday observed Friday",
            "2026-09-07, Labor Day",
            "2026-10-12, Columbus Day",
            "2026-11-11, Veterans Day",
            "2026-11-26, Thanksgiving: fourth Thursday of November",
            "2026-12-25, Christmas",
            "2021-12-31, New Year's Day 2022 on Saturday observed in the previous year",
            "2023-01-02, New Year's Day 2023 on Sunday observed Monday",
            "2021-06-18, first Juneteenth, a Saturday, observed Friday",
            "2027-06-18, Juneteenth 2027 on Saturday observed Friday",
            "2028-07-04, Independence Day on a Tuesday",
    })
    void isHoliday_observedDates(LocalDate date, String why) {
        assertThat(FederalHolidays.isHoliday(date)).as(why).isTrue();
    }

    @ParameterizedTest(name = "{0} is not a federal holiday ({1})")
    @CsvSource({
            "2026-07-04, the Saturday itself: offices closed on Friday instead",
            "2020-06-19, Juneteenth before 2021",
            "2021-01-20, Inauguration Day is left out",
            "2026-11-27, the day after Thanksgiving",
            "2026-12-24, Christmas Eve",
    })
    void isHoliday_notHolidays(LocalDate date, String why) {
        assertThat(FederalHolidays.isHoliday(date)).as(why).isFalse();
    }

    @Test
    void observedIn_2026_hasElevenHolidays() {
        assertThat(FederalHolidays.observedIn(2026)).hasSize(11).isSorted();
    }

    @Test
    void observedIn_2021_hasTwelveDatesBecauseNewYear2022IsObservedOnDecember31() {
        assertThat(FederalHolidays.observedIn(2021))
                .contains(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31))
                .hasSize(12);
        assertThat(FederalHolidays.observedIn(2022)).doesNotContain(LocalDate.of(2022, 1, 1));
    }

    @Test
    void inaugurationDay_isExplained() {
        assertThat(FederalHolidays.INAUGURATION_DAY_NOTE).contains("Washington, DC");
    }
}
