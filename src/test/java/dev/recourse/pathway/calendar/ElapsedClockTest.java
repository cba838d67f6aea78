package dev.recourse.pathway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElapsedClockTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void dueAt_72HoursAcrossSpringForward_endsOneWallClockHourLater() {
        ZonedDateTime received = ZonedDateTime.of(2026, 3, 7, 10, 0, 0, 0, NEW_YORK);
        assertThat(ElapsedClock.dueAt(received, 72))
                .isEqualTo(ZonedDateTime.of(2026, 3, 10, 11, 0, 0, 0, NEW_YORK));
    }

    @Test
    void dueAt_24HoursAcrossFallBack_endsOneWallClockHourEarlier() {
        ZonedDateTime received = ZonedDateTime.of(2026, 10, 31, 18, 0, 0, 0, NEW_YORK);
        assertThat(ElapsedClock.dueAt(received, 24))
                .isEqualTo(ZonedDateTime.of(2026, 11, 1, 17, 0, 0, 0, NEW_YORK));
    }

    @Test
    void partD_statementReceived_dueSeventyTwoHoursAfterStatement() {
        ZonedDateTime request = ZonedDateTime.of(2026, 4, 1, 9, 0, 0, 0, NEW_YORK);
        ZonedDateTime statement = ZonedDateTime.of(2026, 4, 3, 15, 30, 0, 0, NEW_YORK);
        assertThat(PartDExceptionClock.decisionDue(request, Optional.of(statement), false))
                .isEqualTo(ZonedDateTime.of(2026, 4, 6, 15, 30, 0, 0, NEW_YORK));
    }

    @Test
    void partD_noStatement_dueSeventyTwoHoursAfterEndOfDay14() {
        ZonedDateTime request = ZonedDateTime.of(2026, 4, 1, 9, 0, 0, 0, NEW_YORK);
        assertThat(PartDExceptionClock.decisionDue(request, Optional.empty(), false))
                .isEqualTo(ZonedDateTime.of(2026, 4, 19, 0, 0, 0, 0, NEW_YORK));
    }

    @Test
    void partD_lateStatement_backstopWins() {
        ZonedDateTime request = ZonedDateTime.of(2026, 4, 1, 9, 0, 0, 0, NEW_YORK);
        ZonedDateTime lateStatement = ZonedDateTime.of(2026, 4, 16, 12, 0, 0, 0, NEW_YORK);
        assertThat(PartDExceptionClock.decisionDue(request, Optional.of(lateStatement), false))
                .isEqualTo(ZonedDateTime.of(2026, 4, 19, 0, 0, 0, 0, NEW_YORK));
    }

    @Test
    void partD_expedited_dueTwentyFourHoursAfterStatement() {
        ZonedDateTime request = ZonedDateTime.of(2026, 4, 1, 9, 0, 0, 0, NEW_YORK);
        ZonedDateTime statement = ZonedDateTime.of(2026, 4, 1, 11, 0, 0, 0, NEW_YORK);
        assertThat(PartDExceptionClock.decisionDue(request, Optional.of(statement), true))
                .isEqualTo(ZonedDateTime.of(2026, 4, 2, 11, 0, 0, 0, NEW_YORK));
    }
}
