package dev.recourse.packet;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** The EHR's records the seed situations add to a fixture patient's chart at a test EHR, as an EHR would hold them. */
public final class SeedCharts {
	private SeedCharts() {
	}

	public static Condition condition(String ehrPatient, String icd10, String display, String onset) {
		Condition condition = new Condition();
		condition.setSubject(new Reference("Patient/" + ehrPatient));
		condition.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical").setCode("active");
		condition.getVerificationStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-ver-status").setCode("confirmed");
		condition.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-category").setCode("problem-list-item");
		condition.getCode().addCoding().setSystem(SeedPlan.ICD10).setCode(icd10).setDisplay(display);
		condition.setOnset(new DateTimeType(onset));
		condition.setRecordedDateElement(new DateTimeType(onset));
		return condition;
	}

	/** A stopped order with the reason as the EHR wrote it (text), as step-therapy criteria read it. */
	public static MedicationRequest medication(String ehrPatient, String drug, String start, String end, String reason) {
		MedicationRequest request = new MedicationRequest();
		request.setStatus(MedicationRequest.MedicationRequestStatus.STOPPED);
		request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		request.getMedicationCodeableConcept().setText(drug);
		request.setSubject(new Reference("Patient/" + ehrPatient));
		request.setAuthoredOnElement(new DateTimeType(start));
		request.getDispenseRequest().setValidityPeriod(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)));
		request.getStatusReason().setText(reason);
		return request;
	}

	public static AllergyIntolerance allergy(String ehrPatient, String rxnorm, String substance, String onset, String reaction) {
		AllergyIntolerance allergy = new AllergyIntolerance();
		allergy.setPatient(new Reference("Patient/" + ehrPatient));
		allergy.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical").setCode("active");
		allergy.getVerificationStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification").setCode("confirmed");
		allergy.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
		allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
		allergy.getCode().addCoding().setSystem(SeedPlan.RXNORM).setCode(rxnorm).setDisplay(substance);
		allergy.setOnset(new DateTimeType(onset));
		allergy.addReaction().addManifestation().setText(reaction);
		return allergy;
	}

	public static Observation ldl(String ehrPatient, double mgPerDl, String date) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("laboratory");
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode("13457-7")
				.setDisplay("Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation");
		observation.setSubject(new Reference("Patient/" + ehrPatient));
		observation.setEffective(new DateTimeType(date));
		observation.setValue(new Quantity().setValue(mgPerDl).setUnit("mg/dL").setSystem("http://unitsofmeasure.org").setCode("mg/dL"));
		return observation;
	}
}
