package dev.recourse.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * What a chart resource says, in its own words only: codes by their text or display, values with their units,
 * dates as recorded. Nothing is inferred or filled in; a fact the resource lacks is left out.
 *
 * @param summary one line: what it is, its value, its date (the evidence's {@code description})
 * @param lines every fact as "label: value", for the plain-text rendering the packet carries
 */
record SourceFacts(String summary, List<String> lines) {

	static SourceFacts of(Resource source) {
		Facts facts = new Facts();
		if (source instanceof Condition condition) {
			facts.add("Condition", text(condition.getCode()));
			facts.add("Clinical status", text(condition.getClinicalStatus()));
			facts.add("Verification status", text(condition.getVerificationStatus()));
			facts.add("Onset", value(condition.getOnset()));
			facts.add("Abatement", value(condition.getAbatement()));
			facts.add("Recorded", string(condition.getRecordedDateElement()));
			facts.summary(text(condition.getCode()), null, firstOf(value(condition.getOnset()), string(condition.getRecordedDateElement())));
		} else if (source instanceof Observation observation) {
			String value = observationValue(observation);
			facts.add("Observation", text(observation.getCode()));
			facts.add("Value", value);
			observation.getComponent().forEach(component -> facts.add(text(component.getCode()), value(component.getValue())));
			facts.add("Interpretation", observation.getInterpretation().stream().map(SourceFacts::text).filter(Objects::nonNull).collect(Collectors.joining(", ")));
			facts.add("Effective", value(observation.getEffective()));
			facts.add("Status", code(observation.getStatusElement()));
			facts.summary(text(observation.getCode()), value, value(observation.getEffective()));
		} else if (source instanceof DiagnosticReport report) {
			facts.add("Report", text(report.getCode()));
			facts.add("Effective", value(report.getEffective()));
			facts.add("Conclusion", report.getConclusion());
			report.getConclusionCode().forEach(code -> facts.add("Conclusion code", text(code)));
			facts.add("Status", code(report.getStatusElement()));
			facts.summary(text(report.getCode()), report.getConclusion(), value(report.getEffective()));
		} else if (source instanceof MedicationStatement statement) {
			String medication = medication(statement.getMedication());
			facts.add("Medication", medication);
			facts.add("Status", code(statement.getStatusElement()));
			statement.getStatusReason().forEach(reason -> facts.add("Status reason", text(reason)));
			facts.add("Effective", value(statement.getEffective()));
			statement.getDosage().forEach(dosage -> facts.add("Dosage", dosage.getText()));
			facts.summary(medication, code(statement.getStatusElement()), value(statement.getEffective()));
		} else if (source instanceof MedicationRequest request) {
			String medication = medication(request.getMedication());
			facts.add("Medication", medication);
			facts.add("Status", code(request.getStatusElement()));
			facts.add("Status reason", text(request.getStatusReason()));
			facts.add("Intent", code(request.getIntentElement()));
			facts.add("Authored", string(request.getAuthoredOnElement()));
			request.getDosageInstruction().forEach(dosage -> facts.add("Dosage", dosage.getText()));
			facts.summary(medication, code(request.getStatusElement()), string(request.getAuthoredOnElement()));
		} else if (source instanceof MedicationDispense dispense) {
			String medication = medication(dispense.getMedication());
			facts.add("Medication", medication);
			facts.add("Status", code(dispense.getStatusElement()));
			facts.add("Quantity", quantity(dispense.getQuantity()));
			facts.add("Days supply", quantity(dispense.getDaysSupply()));
			facts.add("Handed over", string(dispense.getWhenHandedOverElement()));
			facts.summary(medication, "dispensed", string(dispense.getWhenHandedOverElement()));
		} else if (source instanceof MedicationAdministration administration) {
			String medication = medication(administration.getMedication());
			facts.add("Medication", medication);
			facts.add("Status", code(administration.getStatusElement()));
			facts.add("Effective", value(administration.getEffective()));
			facts.summary(medication, "administered", value(administration.getEffective()));
		} else if (source instanceof AllergyIntolerance allergy) {
			facts.add("Allergy or intolerance", text(allergy.getCode()));
			facts.add("Clinical status", text(allergy.getClinicalStatus()));
			facts.add("Verification status", text(allergy.getVerificationStatus()));
			facts.add("Type", code(allergy.getTypeElement()));
			allergy.getCategory().forEach(category -> facts.add("Category", code(category)));
			facts.add("Criticality", code(allergy.getCriticalityElement()));
			allergy.getReaction().forEach(reaction -> facts.add("Reaction", reaction.getManifestation().stream()
					.map(SourceFacts::text).filter(Objects::nonNull).collect(Collectors.joining(", "))));
			facts.add("Onset", value(allergy.getOnset()));
			facts.add("Recorded", string(allergy.getRecordedDateElement()));
			facts.summary(text(allergy.getCode()), text(allergy.getClinicalStatus()), firstOf(value(allergy.getOnset()), string(allergy.getRecordedDateElement())));
		} else if (source instanceof Procedure procedure) {
			facts.add("Procedure", text(procedure.getCode()));
			facts.add("Status", code(procedure.getStatusElement()));
			facts.add("Performed", value(procedure.getPerformed()));
			facts.summary(text(procedure.getCode()), code(procedure.getStatusElement()), value(procedure.getPerformed()));
		} else if (source instanceof Immunization immunization) {
			facts.add("Vaccine", text(immunization.getVaccineCode()));
			facts.add("Status", code(immunization.getStatusElement()));
			facts.add("Occurrence", value(immunization.getOccurrence()));
			facts.summary(text(immunization.getVaccineCode()), code(immunization.getStatusElement()), value(immunization.getOccurrence()));
		} else if (source instanceof Patient patient) {
			facts.add("Birth date", string(patient.getBirthDateElement()));
			facts.add("Administrative gender", code(patient.getGenderElement()));
			facts.summary("Patient", patient.hasBirthDate() ? "born " + string(patient.getBirthDateElement()) : null, null);
		} else if (source instanceof DocumentReference note) {
			facts.add("Document", text(note.getType()));
			facts.add("Date", string(note.getDateElement()));
			facts.add("Description", note.getDescription());
			facts.summary(text(note.getType()), note.getDescription(), string(note.getDateElement()));
		} else {
			facts.summary(source.fhirType(), null, null);
		}
		return facts.build();
	}

	static String text(CodeableConcept concept) {
		if (concept == null || concept.isEmpty()) {
			return null;
		}
		if (concept.hasText()) {
			return concept.getText();
		}
		return concept.getCoding().stream().map(SourceFacts::text).filter(Objects::nonNull).findFirst().orElse(null);
	}

	private static String text(Coding coding) {
		if (coding.hasDisplay()) {
			return coding.getDisplay();
		}
		return coding.hasCode() ? (coding.hasSystem() ? coding.getSystem() + "|" : "") + coding.getCode() : null;
	}

	private static String observationValue(Observation observation) {
		if (observation.hasValue()) {
			return value(observation.getValue());
		}
		return observation.hasDataAbsentReason() ? "absent (" + text(observation.getDataAbsentReason()) + ")" : null;
	}

	static String value(Type value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value instanceof Quantity quantity) {
			return quantity(quantity);
		} else if (value instanceof CodeableConcept concept) {
			return text(concept);
		} else if (value instanceof Period period) {
			return period(period);
		} else if (value instanceof Range range) {
			return Objects.toString(quantity(range.getLow()), "?") + " – " + Objects.toString(quantity(range.getHigh()), "?");
		} else if (value instanceof Ratio ratio) {
			return Objects.toString(quantity(ratio.getNumerator()), "?") + " / " + Objects.toString(quantity(ratio.getDenominator()), "?");
		} else if (value instanceof PrimitiveType<?> primitive) {
			return primitive.getValueAsString();
		}
		return null;
	}

	private static String quantity(Quantity quantity) {
		if (quantity == null || !quantity.hasValue()) {
			return null;
		}
		BigDecimal number = quantity.getValue();
		String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
		String comparator = quantity.hasComparator() ? quantity.getComparator().toCode() : "";
		return comparator + number.toPlainString() + (unit == null ? "" : " " + unit);
	}

	private static String period(Period period) {
		String start = string(period.getStartElement());
		String end = string(period.getEndElement());
		if (start == null && end == null) {
			return null;
		}
		return (start == null ? "?" : start) + " to " + (end == null ? "ongoing" : end);
	}

	private static String medication(Type medication) {
		if (medication instanceof Reference reference) {
			return reference.hasDisplay() ? reference.getDisplay() : null;
		}
		return value(medication);
	}

	private static String string(PrimitiveType<?> primitive) {
		return primitive == null || !primitive.hasValue() ? null : primitive.getValueAsString();
	}

	private static String code(Enumeration<?> enumeration) {
		return enumeration == null || !enumeration.hasValue() ? null : enumeration.getCode();
	}

	private static String firstOf(String first, String second) {
		return first != null ? first : second;
	}

	private static final class Facts {
		private final List<String> lines = new ArrayList<>();
		private String summary;

		void add(String label, String value) {
			if (label != null && value != null && !value.isBlank()) {
				lines.add(label + ": " + value);
			}
		}

		/** "what: value, date", leaving out what is missing. */
		void summary(String what, String value, String date) {
			StringBuilder text = new StringBuilder(what == null ? "" : what);
			if (value != null && !value.isBlank()) {
				text.append(text.isEmpty() ? "" : ": ").append(value);
			}
			if (date != null) {
				text.append(text.isEmpty() ? "" : ", ").append(date);
			}
			summary = text.toString();
		}

		SourceFacts build() {
			return new SourceFacts(summary, List.copyOf(lines));
		}
	}
}
