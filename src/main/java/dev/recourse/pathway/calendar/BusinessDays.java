package dev.recourse.pathway.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Business days: Monday to Friday, excluding observed federal holidays. */
public final class BusinessDays {

    private BusinessDays() {
    }

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !FederalHolidays.isHoliday(date);
    }

    /** The date itself when it is a business day, else the next business day after it. */
    public static LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Counts {@code count} business days after {@code start}; the start day itself is day zero. */
    public static LocalDate plus(LocalDate start, int count) {
        LocalDate day = start;
        int counted = 0;
        while (counted < count) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
