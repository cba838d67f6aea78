package dev.recourse.pathway.calendar;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * "Within N months after" as 45 CFR 147.136(d)(2)(i) counts it: the same day N months later; when that month
 * has no such day, the first day of the month after (received Oct 30 → due Mar 1). Java's
 * {@code plusMonths} would instead clamp to the last day of the month (Feb 28), one day short.
 */
public final class MonthRule {

    private MonthRule() {
    }

    public static LocalDate plusMonths(LocalDate anchor, int months) {
        YearMonth target = YearMonth.from(anchor).plusMonths(months);
        if (anchor.getDayOfMonth() > target.lengthOfMonth()) {
            return target.plusMonths(1).atDay(1);
        }
        return target.atDay(anchor.getDayOfMonth());
    }
}
