package dev.recourse.pathway;

import dev.recourse.pathway.calendar.BusinessDays;
import dev.recourse.pathway.calendar.ElapsedClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When a decision clock runs out, counted from the moment the decider received the request: an hour clock in elapsed
 * time; a day clock at the end (23:59:59 UTC) of its last day, since a decision on the last day is still timely.
 * UTC because the request's receipt is an instant and the rules name no time zone.
 *
 * @param due the last moment a decision is timely
 * @param clock the rule that sets it, with its citation
 */
public record DecisionDue(Instant due, ClockRule clock) {

    public static DecisionDue of(ClockRule clock, Instant received) {
        ZonedDateTime receipt = received.atZone(ZoneOffset.UTC);
        int amount = clock.span().amount();
        Instant due = switch (clock.span().unit()) {
            case HOURS -> ElapsedClock.dueAt(receipt, amount).toInstant();
            case CALENDAR_DAYS -> endOf(receipt.toLocalDate().plusDays(amount));
            case BUSINESS_DAYS -> endOf(BusinessDays.plus(receipt.toLocalDate(), amount));
            case MONTHS -> throw new IllegalArgumentException(clock.id() + " counts months: it is a filing clock, not a decision clock");
        };
        return new DecisionDue(due, clock);
    }

    /** Whether the clock has run out at {@code now} (with no decision). */
    public boolean missedAt(Instant now) {
        return now.isAfter(due);
    }

    private static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
    }
}
