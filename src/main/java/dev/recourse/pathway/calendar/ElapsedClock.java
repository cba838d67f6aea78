package dev.recourse.pathway.calendar;

import java.time.ZonedDateTime;

/**
 * Hour clocks (72 h, 24 h) run in real elapsed time from the moment of receipt, so a clock that crosses a
 * daylight-saving change ends at a different wall-clock hour than it started. {@link ZonedDateTime#plusHours}
 * already works on the instant time-line; this class names the rule so callers do not reach for
 * {@code plusDays(3)} by mistake.
 */
public final class ElapsedClock {

    private ElapsedClock() {
    }

    public static ZonedDateTime dueAt(ZonedDateTime receivedAt, int hours) {
        return receivedAt.plusHours(hours);
    }
}
