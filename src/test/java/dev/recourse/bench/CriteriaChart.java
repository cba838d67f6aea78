package dev.recourse.bench;

import dev.recourse.ehr.fake.FakeEhr;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * What the shipped policies ask about, added to patient 85 in the fake EHR on top of {@link PullChart}'s growth,
 * so a criteria map does real work: ICD-10-CM problems (RA, type 2 diabetes, coronary disease, hypertension,
 * relapsing MS), monthly prescriptions of prior therapies that the pull turns into episodes (methotrexate stopped
 * as ineffective, atorvastatin and rosuvastatin stopped for adverse reactions, ezetimibe, interferon beta-1a, an
 * ongoing semaglutide), and years of LDL-C (LOINC 13457-7, 18262-6) and BMI (39156-5) results.
 */
final class CriteriaChart {
	static final int LDL_RESULTS = 40;
	static final int BMI_RESULTS = 40;
	private static final Reference PATIENT = new Reference("Patient/" + PullChart.PATIENT);
	private static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
	private static final String LOINC = "http://loinc.org";
	private static final String SNOMED = "http://snomed.info/sct";
	private static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";
	private static final LocalDate TODAY = LocalDate.now();

	private CriteriaChart() {}

	/** Adds the records; how many. */
	static int grow(FakeEhr ehr) {
		List<IBaseResource> added = new ArrayList<>();
		added.add(problem("M06.9", "Rheumatoid arthritis, unspecified", "2019-05-02"));
		added.add(problem("E11.9", "Type 2 diabetes mellitus without complications", "2012-08-14"));
		added.add(problem("I25.10", "Atherosclerotic heart disease of native coronary artery", "2015-02-20"));
		added.add(problem("I10", "Essential (primary) hypertension", "2010-03-11"));
		added.add(problem("G35.A", "Relapsing-remitting multiple sclerosis", "2018-09-30"));
		// ingredient, RxNorm SCD and its display, first month, monthly fills, how the last one ended
		added.addAll(fills("1 ML interferon beta-1a 0.044 MG/ML Prefilled Syringe", "1373478", LocalDate.parse("2019-01-05"), 10, "58848006", "Lack of drug action (finding)"));
		added.addAll(fills("Methotrexate 2.5 MG Oral Tablet", "105585", LocalDate.parse("2023-01-10"), 7, "58848006", "Lack of drug action (finding)"));
		added.addAll(fills("Atorvastatin 80 MG Oral Tablet", "259255", LocalDate.parse("2021-01-15"), 6, "281647001", "Adverse reaction (disorder)"));
		added.addAll(fills("Rosuvastatin calcium 40 MG Oral Tablet", "859419", LocalDate.parse("2021-08-01"), 6, "281647001", "Adverse reaction (disorder)"));
		added.addAll(fills("Ezetimibe 10 MG Oral Tablet", "349556", LocalDate.parse("2022-03-01"), 12, null, null));
		added.addAll(fills("Semaglutide 0.5 MG/DOSE Pen Injector", "1991306", TODAY.minusMonths(4), 4, null, null));
		for (int i = 0; i < LDL_RESULTS; i++) {
			String code = i % 2 == 0 ? "13457-7" : "18262-6";
			added.add(result(code, "Cholesterol in LDL [Mass/volume] in Serum or Plasma", "laboratory",
					TODAY.minusMonths(3L * (i + 1)), 90 + (i * 7) % 60, "mg/dL", "mg/dL"));
		}
		for (int i = 0; i < BMI_RESULTS; i++) {
			added.add(result("39156-5", "Body mass index (BMI) [Ratio]", "vital-signs",
					TODAY.minusMonths(2L * (i + 1)).minusDays(3), 31 + (i % 7) * 0.5, "kg/m2", "kg/m2"));
		}
		ehr.add(added.toArray(IBaseResource[]::new));
		return added.size();
	}

	private static Condition problem(String code, String display, String onset) {
		Condition condition = new Condition();
		condition.setSubject(PATIENT.copy());
		condition.getCode().addCoding().setSystem(ICD10).setCode(code).setDisplay(display);
		condition.getCode().setText(display);
		condition.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
		condition.setVerificationStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed")));
		condition.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item")));
		condition.setOnset(new DateTimeType(onset));
		condition.setRecordedDateElement(new DateTimeType(onset));
		return condition;
	}

	/** One 30-day prescription a month; all stopped but the last, which says why it ended (or stays active). */
	private static List<MedicationRequest> fills(String display, String rxcui, LocalDate first, int months, String stopCode, String stopDisplay) {
		List<MedicationRequest> fills = new ArrayList<>();
		for (int m = 0; m < months; m++) {
			LocalDate start = first.plusMonths(m);
			boolean last = m == months - 1;
			MedicationRequest request = new MedicationRequest();
			request.setSubject(PATIENT.copy());
			request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
			request.setMedication(new CodeableConcept(new Coding(RXNORM, rxcui, display)).setText(display));
			request.setAuthoredOnElement(new DateTimeType(start.toString()));
			request.getDispenseRequest().setValidityPeriod(new Period()
					.setStartElement(new DateTimeType(start.toString())).setEndElement(new DateTimeType(start.plusDays(29).toString())));
			if (!last) {
				request.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
			} else if (stopCode == null) {
				request.setStatus(start.isAfter(TODAY.minusMonths(2)) ? MedicationRequest.MedicationRequestStatus.ACTIVE
						: MedicationRequest.MedicationRequestStatus.COMPLETED);
			} else {
				request.setStatus(MedicationRequest.MedicationRequestStatus.STOPPED);
				request.setStatusReason(new CodeableConcept(new Coding(SNOMED, stopCode, stopDisplay)));
			}
			fills.add(request);
		}
		return fills;
	}

	private static Observation result(String code, String display, String category, LocalDate when, double value, String unit, String ucum) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setSubject(PATIENT.copy());
		observation.addCategory(new CodeableConcept(new Coding(CATEGORIES, category, null)));
		observation.getCode().addCoding().setSystem(LOINC).setCode(code).setDisplay(display);
		observation.setEffective(new DateTimeType(when.toString() + "T09:30:00-05:00"));
		observation.setValue(new Quantity().setValue(value).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(ucum));
		return observation;
	}
}
