package dev.recourse.metrics;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The reporting period as asked: two calendar dates, both days included, read in UTC; at most ten years (a report is
 * about a year, CMS-0057-F's is the previous calendar year). A missing, malformed or reversed date is the caller's
 * mistake, named by its parameter.
 */
record MetricsPeriod(LocalDate start, LocalDate end) {
	static final String START = "periodStart";
	static final String END = "periodEnd";

	static MetricsPeriod of(String start, String end) {
		MetricsPeriod period = new MetricsPeriod(date(START, start), date(END, end));
		if (period.end.isBefore(period.start)) {
			throw new RecourseException(RecourseError.INVALID_INPUT, END, "periodEnd " + end + " is before periodStart " + start);
		}
		if (period.end.isAfter(period.start.plusYears(10))) {
			throw new RecourseException(RecourseError.INVALID_INPUT, END, "The period may span at most ten years");
		}
		return period;
	}

	long fromSecond() {
		return start.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
	}

	/** The first second after the period. */
	long untilSecond() {
		return end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, name, name + " is required (a date, YYYY-MM-DD)");
		}
		try {
			return LocalDate.parse(value.trim());
		} catch (DateTimeParseException notADate) {
			throw new RecourseException(RecourseError.INVALID_INPUT, name, name + " must be a date (YYYY-MM-DD)");
		}
	}
}
