package dev.recourse.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Moves every date of a resource by the same number of days, so authored demo records keep their spacing around a
 * denial that is always a few days old. Dates keep their precision and time zone; year- and month-precision dates
 * stay as written (a day count has no meaning for them). Patients are left alone: a birth date does not move.
 *
 * @param days how far, later when positive
 */
record DateShift(long days) {

	static DateShift between(LocalDate from, LocalDate to) {
		return new DateShift(ChronoUnit.DAYS.between(from, to));
	}

	void apply(FhirContext fhirContext, Resource resource) {
		if (days == 0 || resource instanceof Patient) {
			return;
		}
		for (BaseDateTimeType date : fhirContext.newTerser().getAllPopulatedChildElementsOfType(resource, BaseDateTimeType.class)) {
			move(date);
		}
	}

	private void move(BaseDateTimeType date) {
		TemporalPrecisionEnum precision = date.getPrecision();
		if (date.getValue() == null || precision == TemporalPrecisionEnum.YEAR || precision == TemporalPrecisionEnum.MONTH) {
			return;
		}
		if (precision == TemporalPrecisionEnum.DAY) {
			date.setValueAsString(LocalDate.parse(date.getValueAsString().substring(0, 10)).plusDays(days).toString());
			return;
		}
		ZoneId zone = date.getTimeZone() == null ? ZoneId.systemDefault() : date.getTimeZone().toZoneId();
		ZonedDateTime moved = ZonedDateTime.ofInstant(date.getValue().toInstant(), zone).plusDays(days);
		date.setValue(Date.from(moved.toInstant()), precision);
	}
}
