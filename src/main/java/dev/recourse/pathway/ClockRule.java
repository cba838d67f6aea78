package dev.recourse.pathway;

import dev.recourse.denial.Citation;
import dev.recourse.denial.ServiceTiming;
import java.time.LocalDate;

/**
 * One clock from {@code rules/clocks.yaml}: what it counts from, how long it runs, whether a last day on a
 * weekend or federal holiday moves to the next business day, and the regulation that says so. Several rows
 * may share an id when the clock differs by service timing (pre-service vs post-service) or by date
 * (e.g. rules effective 2026-01-01); {@link #appliesTo} picks the row.
 *
 * @param timing the service timing this row is for; null for both
 * @param effectiveFrom first day the row applies (by the date of the decision being triaged); null for always
 * @param effectiveUntil last day the row applies; null for open-ended
 */
public record ClockRule(String id, Anchor anchor, Span span, boolean rollForward, ServiceTiming timing,
        LocalDate effectiveFrom, LocalDate effectiveUntil, Citation citation, String note) {

    public boolean appliesTo(ServiceTiming serviceTiming, LocalDate on) {
        boolean timingMatches = timing == null || timing == serviceTiming;
        boolean started = effectiveFrom == null || !on.isBefore(effectiveFrom);
        boolean notEnded = effectiveUntil == null || !on.isAfter(effectiveUntil);
        return timingMatches && started && notEnded;
    }

    /** True when this clock is a decision time expressible as hours or days (not a month count). */
    public boolean isDuration() {
        return span.unit() != ClockUnit.MONTHS;
    }
}
