package dev.recourse.pathway.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * U.S. federal legal public holidays, computed from the rules of 5 U.S.C. 6103 rather than listed per year,
 * so the calendar never runs out.
 *
 * <p>Observed dates follow 5 U.S.C. 6103(b) and Executive Order 11582: a holiday falling on a Saturday is
 * observed the Friday before, one on a Sunday the Monday after. That is why New Year's Day 2022 (a Saturday)
 * was observed on Friday 2021-12-31. Juneteenth counts from 2021 (Pub. L. 117-17, first observed 2021-06-18).
 *
 * <p>Inauguration Day (6103(c)) is deliberately left out: it is a holiday only for federal employees in the
 * District of Columbia area, and no appeal rule we encode rolls deadlines for it.
 */
public final class FederalHolidays {

    /** Why the calendar has no Inauguration Day; exposed so a UI or report can repeat it. */
    public static final String INAUGURATION_DAY_NOTE =
            "Inauguration Day (5 U.S.C. 6103(c)) is not counted: it is a holiday only in the Washington, DC area.";

    private static final int JUNETEENTH_FIRST_YEAR = 2021;

    private FederalHolidays() {
    }

    /** True when federal offices are closed on this date for a legal public holiday (observed date). */
    public static boolean isHoliday(LocalDate date) {
        return observedIn(date.getYear()).contains(date);
    }

    /** The observed holiday dates that fall inside the given calendar year, in date order. */
    public static List<LocalDate> observedIn(int year) {
        List<LocalDate> observed = new ArrayList<>();
        for (int y = year; y <= year + 1; y++) {
            for (LocalDate holiday : legalHolidays(y)) {
                LocalDate day = observedDate(holiday);
                if (day.getYear() == year) {
                    observed.add(day);
                }
            }
        }
        observed.sort(null);
        return observed;
    }

    /** The holidays of 5 U.S.C. 6103(a) on their legal (not observed) dates. */
    static List<LocalDate> legalHolidays(int year) {
        List<LocalDate> days = new ArrayList<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        days.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3));   // Birthday of Martin Luther King, Jr.
        days.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));  // Washington's Birthday
        days.add(lastWeekday(year, Month.MAY, DayOfWeek.MONDAY));         // Memorial Day
        if (year >= JUNETEENTH_FIRST_YEAR) {
            days.add(LocalDate.of(year, Month.JUNE, 19));                 // Juneteenth National Independence Day
        }
        days.add(LocalDate.of(year, Month.JULY, 4));
        days.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labor Day
        days.add(nthWeekday(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));   // Columbus Day
        days.add(LocalDate.of(year, Month.NOVEMBER, 11));                 // Veterans Day
        days.add(nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)); // Thanksgiving Day
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        return days;
    }

    static LocalDate observedDate(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    private static LocalDate lastWeekday(int year, Month month, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(day));
    }
}
