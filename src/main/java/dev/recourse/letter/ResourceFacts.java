package dev.recourse.letter;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * What one chart resource says, in a line a reviewer reads: built only from the resource's own elements, so a
 * resource that says nothing usable gives nothing ({@link #describe} empty) rather than a guessed sentence.
 */
final class ResourceFacts {
	private ResourceFacts() {
	}

	/** One line and its date, e.g. "Diagnosis: Rheumatoid arthritis (M06.9)", 2024-01-10. */
	record Described(String text, Optional<LocalDate> date) {
	}

	/** The resource as a line with its date; empty for what a line cannot state (a patient, a resource without a code). */
	static Optional<Described> describe(Resource resource) {
		if (resource instanceof Condition condition) {
			return concept(condition.getCode()).map(code -> new Described("Diagnosis: " + code,
					date(condition.getRecordedDateElement()).or(() -> date(condition.getOnset()))));
		}
		if (resource instanceof Observation observation) {
			return concept(observation.getCode()).flatMap(code -> value(observation.getValue())
					.map(value -> new Described(code + ": " + value, date(observation.getEffective()).or(() -> date(observation.getIssuedElement())))));
		}
		if (resource instanceof MedicationStatement statement) {
			return medication(statement).map(name -> new Described("Medication: " + name, date(statement.getEffective())));
		}
		if (resource instanceof MedicationRequest request) {
			return request.getMedication() instanceof CodeableConcept drug
					? concept(drug).map(name -> new Described("Prescribed: " + name, date(request.getAuthoredOnElement())))
					: Optional.empty();
		}
		if (resource instanceof Procedure procedure) {
			return concept(procedure.getCode()).map(code -> new Described("Procedure: " + code, date(procedure.getPerformed())));
		}
		if (resource instanceof AllergyIntolerance allergy) {
			return concept(allergy.getCode()).map(code -> new Described("Allergy or intolerance: " + code, date(allergy.getRecordedDateElement())));
		}
		if (resource instanceof DocumentReference document) {
			return title(document).map(title -> new Described("Document: " + title, date(document.getDateElement())));
		}
		if (resource instanceof Patient patient) {
			// an age criterion cites the Patient: what proves it is the birth date
			return date(patient.getBirthDateElement()).map(born -> new Described("Date of birth: " + born, Optional.empty()));
		}
		return Optional.empty();
	}

	/** Where a statement comes from: {@code Type/id}, which the reviewer finds among the enclosures. */
	static String source(Resource resource) {
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	/** The concept's display with its code, e.g. "Rheumatoid arthritis (M06.9)"; its text when it has no display. */
	static Optional<String> concept(CodeableConcept concept) {
		if (concept == null || concept.isEmpty()) {
			return Optional.empty();
		}
		Optional<Coding> displayed = concept.getCoding().stream().filter(Coding::hasDisplay).findFirst();
		if (displayed.isPresent()) {
			Coding coding = displayed.get();
			return Optional.of(coding.getDisplay() + (coding.hasCode() ? " (" + coding.getCode() + ")" : ""));
		}
		if (concept.hasText()) {
			return Optional.of(concept.getText());
		}
		return concept.getCoding().stream().filter(Coding::hasCode).findFirst().map(Coding::getCode);
	}

	static Optional<String> medication(MedicationStatement statement) {
		return statement.getMedication() instanceof CodeableConcept drug ? plain(drug) : Optional.empty();
	}

	/** A medication or outcome as people say it: display, else text, else the code. */
	static Optional<String> plain(CodeableConcept concept) {
		if (concept == null || concept.isEmpty()) {
			return Optional.empty();
		}
		return concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst()
				.or(() -> Optional.ofNullable(concept.getText()).filter(text -> !text.isBlank()))
				.or(() -> concept.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst());
	}

	/**
	 * The concept as the requester wrote it (text), else {@link #plain}: for a request coded with an unclassified
	 * code (HCPCS J3590 "Unclassified biologics") only the text names the drug.
	 */
	static Optional<String> asEntered(CodeableConcept concept) {
		return concept != null && concept.hasText() && !concept.getText().isBlank() ? Optional.of(concept.getText()) : plain(concept);
	}

	static Optional<String> title(DocumentReference document) {
		return Optional.ofNullable(document.getDescription()).filter(text -> !text.isBlank())
				.or(() -> document.getContent().stream().map(content -> content.getAttachment().getTitle())
						.filter(title -> title != null && !title.isBlank()).findFirst())
				.or(() -> Optional.ofNullable(document.getType().getText()).filter(text -> !text.isBlank()));
	}

	private static Optional<String> value(Type value) {
		if (value instanceof Quantity quantity && quantity.hasValue()) {
			String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
			return Optional.of(quantity.getValue().toPlainString() + (unit == null || unit.isBlank() ? "" : " " + unit));
		}
		if (value instanceof CodeableConcept concept) {
			return plain(concept);
		}
		if (value != null && value.isPrimitive() && value.primitiveValue() != null && !value.primitiveValue().isBlank()) {
			return Optional.of(value.primitiveValue());
		}
		return Optional.empty();
	}

	/** The calendar day of a date or dateTime as written (no time-zone shift); a Period's start. */
	static Optional<LocalDate> date(Object value) {
		if (value instanceof Period period) {
			return date(period.getStartElement()).or(() -> date(period.getEndElement()));
		}
		if (value instanceof BaseDateTimeType dateTime && dateTime.getValue() != null) {
			if (dateTime.getYear() == null || dateTime.getMonth() == null || dateTime.getDay() == null
					|| dateTime.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
				return Optional.empty();
			}
			return Optional.of(LocalDate.of(dateTime.getYear(), dateTime.getMonth() + 1, dateTime.getDay()));
		}
		return Optional.empty();
	}

	static Optional<LocalDate> date(Date value) {
		return value == null ? Optional.empty() : Optional.of(value.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
	}
}
