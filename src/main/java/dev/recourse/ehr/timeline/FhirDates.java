package dev.recourse.ehr.timeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;

/**
 * FHIR dates as calendar days. A dateTime keeps the day as written in its own offset (a 23:30-05:00 fill is
 * that day, not the next UTC day); a partial date (year or month) is its first day.
 */
final class FhirDates {

    /** Days per UCUM unit for supply durations; a month is 30 days, the pharmacy convention for a month's fill. */
    private static final Map<String, Integer> DAYS_PER_UNIT = Map.of("d", 1, "day", 1, "days", 1, "wk", 7,
            "week", 7, "weeks", 7, "mo", 30, "month", 30, "months", 30, "a", 365);

    private FhirDates() {
    }

    static Optional<LocalDate> day(BaseDateTimeType value) {
        if (value == null || value.getValue() == null) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay()));
    }

    static Optional<LocalDate> start(Period period) {
        return period == null ? Optional.empty() : day(period.getStartElement());
    }

    static Optional<LocalDate> end(Period period) {
        return period == null ? Optional.empty() : day(period.getEndElement());
    }

    /** A duration in whole days: "30 d", "4 wk", "3 mo"; empty when absent or in a unit we do not convert. */
    static Optional<Long> days(Quantity duration) {
        if (duration == null || duration.getValue() == null || duration.getValue().signum() <= 0) {
            return Optional.empty();
        }
        String unit = duration.hasCode() ? duration.getCode() : duration.getUnit();
        Integer perUnit = unit == null ? null : DAYS_PER_UNIT.get(unit.trim().toLowerCase(Locale.ROOT));
        if (perUnit == null) {
            return Optional.empty();
        }
        return Optional.of(duration.getValue().multiply(BigDecimal.valueOf(perUnit)).setScale(0,
                RoundingMode.CEILING).longValueExact());
    }

    /** The last day covered by {@code days} days of supply starting on {@code start}. */
    static LocalDate lastDay(LocalDate start, long days) {
        return start.plusDays(Math.max(days, 1) - 1);
    }
}
