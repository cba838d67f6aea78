package dev.recourse.ehr.timeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** A patient's chart for timeline tests: each method adds one resource and returns it for further setting. */
class Chart {

    static final String SNOMED = "http://snomed.info/sct";

    private final List<IBaseResource> resources = new ArrayList<>();

    static CodeableConcept rxnorm(String code, String display) {
        return new CodeableConcept(new Coding(MedicationConcept.RXNORM, code, display));
    }

    static CodeableConcept text(String text) {
        return new CodeableConcept().setText(text);
    }

    List<IBaseResource> resources() {
        return resources;
    }

    MedicationRequest request(String id, CodeableConcept medication, String authoredOn) {
        MedicationRequest request = new MedicationRequest().setStatus(MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setMedication(medication)
                .setAuthoredOnElement(new DateTimeType(authoredOn));
        return add(id, request);
    }

    /** A request with a supply of {@code days} per fill and no refills. */
    MedicationRequest request(String id, CodeableConcept medication, String authoredOn, int days) {
        MedicationRequest request = request(id, medication, authoredOn);
        request.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration().setValue(days).setCode("d")
                .setSystem("http://unitsofmeasure.org"));
        return request;
    }

    MedicationRequest stoppedRequest(String id, CodeableConcept medication, String authoredOn, int days) {
        return request(id, medication, authoredOn, days).setStatus(MedicationRequestStatus.STOPPED);
    }

    MedicationStatement statement(String id, CodeableConcept medication, String start, String end) {
        MedicationStatement statement = new MedicationStatement().setStatus(MedicationStatementStatus.COMPLETED)
                .setMedication(medication);
        statement.getEffectivePeriod().setStartElement(new DateTimeType(start));
        if (end != null) {
            statement.getEffectivePeriod().setEndElement(new DateTimeType(end));
        }
        return add(id, statement);
    }

    MedicationDispense dispense(String id, CodeableConcept medication, String handedOver, int daysSupply) {
        MedicationDispense dispense = new MedicationDispense()
                .setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED).setMedication(medication)
                .setWhenHandedOverElement(new DateTimeType(handedOver))
                .setDaysSupply(new Quantity().setValue(BigDecimal.valueOf(daysSupply)));
        return add(id, dispense);
    }

    MedicationAdministration administration(String id, Reference medication, String when) {
        MedicationAdministration administration = new MedicationAdministration()
                .setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED)
                .setMedication(medication).setEffective(new DateTimeType(when));
        return add(id, administration);
    }

    Medication medication(String id, CodeableConcept code) {
        return add(id, new Medication().setCode(code));
    }

    AllergyIntolerance allergy(String id, CodeableConcept substance, String recorded) {
        AllergyIntolerance allergy = new AllergyIntolerance().setCode(substance)
                .setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        if (recorded != null) {
            allergy.setRecordedDateElement(new DateTimeType(recorded));
        }
        return add(id, allergy);
    }

    private <T extends org.hl7.fhir.r4.model.Resource> T add(String id, T resource) {
        resource.setId(resource.fhirType() + "/" + id);
        resources.add(resource);
        return resource;
    }
}
