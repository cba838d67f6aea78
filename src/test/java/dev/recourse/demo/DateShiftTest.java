package dev.recourse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;

class DateShiftTest {
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@Test
	void between_countsCalendarDays() {
		assertThat(DateShift.between(LocalDate.parse("2026-01-16"), LocalDate.parse("2026-11-19")).days()).isEqualTo(307);
		assertThat(DateShift.between(LocalDate.parse("2026-01-16"), LocalDate.parse("2025-12-31")).days()).isEqualTo(-16);
	}

	@Test
	void apply_movesEveryDate_keepingPrecisionAndZone() {
		ClaimResponse denial = new ClaimResponse();
		denial.setCreatedElement(new DateTimeType("2026-01-14"));
		denial.addExtension("http://recourse.dev/fhir/StructureDefinition/received-date", new DateType("2026-01-16"));
		MedicationRequest request = new MedicationRequest();
		request.setAuthoredOnElement(new DateTimeType("2025-04-14T09:30:00-05:00"));
		request.getDispenseRequest().setValidityPeriod(new Period().setStartElement(new DateTimeType("2025-04-14")).setEndElement(new DateTimeType("2025")));
		DocumentReference note = new DocumentReference();
		note.setDateElement(new InstantType("2025-12-30T15:30:00Z"));

		DateShift shift = new DateShift(20);
		shift.apply(FHIR, denial);
		shift.apply(FHIR, request);
		shift.apply(FHIR, note);

		assertThat(denial.getCreatedElement().getValueAsString()).isEqualTo("2026-02-03");
		assertThat(((DateType) denial.getExtension().get(0).getValue()).getValueAsString()).isEqualTo("2026-02-05");
		assertThat(request.getAuthoredOnElement().getValueAsString()).isEqualTo("2025-05-04T09:30:00-05:00");
		assertThat(request.getDispenseRequest().getValidityPeriod().getStartElement().getValueAsString()).isEqualTo("2025-05-04");
		assertThat(request.getDispenseRequest().getValidityPeriod().getEndElement().getValueAsString()).as("year precision stays").isEqualTo("2025");
		assertThat(note.getDateElement().getValueAsString()).isEqualTo("2026-01-19T15:30:00Z");
	}

	@Test
	void apply_leavesPatientsAlone() {
		Patient patient = new Patient().setBirthDateElement(new DateType("2015-02-23"));

		new DateShift(-300).apply(FHIR, patient);

		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("2015-02-23");
	}
}
