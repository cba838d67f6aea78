package dev.recourse.ehr.timeline;

import dev.recourse.ehr.timeline.MedicationRecord.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestDispenseRequestComponent;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads the four medication record types into {@link MedicationRecord}s; see {@link PriorTherapyTimeline} for
 * the date rules. A record with no usable date, or whose status says it never happened, is left out.
 */
final class MedicationRecordReader {

    /** Our own derived statements (the timeline written back) must not feed the timeline again. */
    private static final String DERIVED_SYSTEM = PriorTherapyTimeline.RECORD_CATEGORY_SYSTEM;

    private final MedicationResolver medications;

    MedicationRecordReader(MedicationResolver medications) {
        this.medications = medications;
    }

    Optional<MedicationRecord> read(IBaseResource resource) {
        if (resource instanceof MedicationRequest request) {
            return request(request);
        }
        if (resource instanceof MedicationStatement statement) {
            return statement(statement);
        }
        if (resource instanceof MedicationDispense dispense) {
            return dispense(dispense);
        }
        if (resource instanceof MedicationAdministration administration) {
            return administration(administration);
        }
        return Optional.empty();
    }

    private Optional<MedicationRecord> request(MedicationRequest request) {
        // has* before get*: HAPI getters create missing elements, and the chart is the caller's to keep unchanged
        MedicationRequestDispenseRequestComponent supply = request.hasDispenseRequest() ? request.getDispenseRequest()
                : new MedicationRequestDispenseRequestComponent();
        Period validity = supply.hasValidityPeriod() ? supply.getValidityPeriod() : null;
        Optional<LocalDate> start = FhirDates.start(validity)
                .or(() -> FhirDates.day(request.getAuthoredOnElement()));
        Optional<LocalDate> end = FhirDates.end(validity)
                .or(() -> start.flatMap(first -> supplyEnd(supply, first)));
        List<CodeableConcept> reasons = request.hasStatusReason() ? List.of(request.getStatusReason()) : List.of();
        return build(request, new Parts(Kind.REQUEST, request.getStatusElement().getValueAsString(), start, end),
                request.getMedication(), reasons);
    }

    /** expectedSupplyDuration covers each fill; the first fill plus numberOfRepeatsAllowed refills. */
    private static Optional<LocalDate> supplyEnd(MedicationRequestDispenseRequestComponent supply, LocalDate start) {
        if (!supply.hasExpectedSupplyDuration()) {
            return Optional.empty();
        }
        int fills = 1 + supply.getNumberOfRepeatsAllowed();
        return FhirDates.days(supply.getExpectedSupplyDuration()).map(days -> FhirDates.lastDay(start, days * fills));
    }

    private Optional<MedicationRecord> statement(MedicationStatement statement) {
        boolean derived = statement.hasCategory() && statement.getCategory().getCoding().stream().anyMatch(coding -> DERIVED_SYSTEM
                .equals(coding.getSystem()) && PriorTherapyTimeline.DERIVED_CATEGORY_CODE.equals(coding.getCode()));
        if (derived) {
            return Optional.empty();
        }
        Optional<LocalDate> start = statement.hasEffectivePeriod()
                ? FhirDates.start(statement.getEffectivePeriod()).or(() -> FhirDates.end(statement.getEffectivePeriod()))
                : Optional.<LocalDate>empty();
        start = start.or(() -> statement.hasEffectiveDateTimeType()
                ? FhirDates.day(statement.getEffectiveDateTimeType()) : Optional.empty())
                .or(() -> FhirDates.day(statement.getDateAssertedElement()));
        Optional<LocalDate> end = statement.hasEffectivePeriod() ? FhirDates.end(statement.getEffectivePeriod())
                : Optional.empty();
        return build(statement, new Parts(Kind.STATEMENT, statement.getStatusElement().getValueAsString(), start,
                end), statement.getMedication(), statement.getStatusReason());
    }

    private Optional<MedicationRecord> dispense(MedicationDispense dispense) {
        Optional<LocalDate> start = FhirDates.day(dispense.getWhenHandedOverElement())
                .or(() -> FhirDates.day(dispense.getWhenPreparedElement()));
        Optional<LocalDate> end = start.flatMap(first -> FhirDates.days(withDayUnit(dispense))
                .map(days -> FhirDates.lastDay(first, days)));
        return build(dispense, new Parts(Kind.DISPENSE, dispense.getStatusElement().getValueAsString(), start, end),
                dispense.getMedication(), List.of());
    }

    /** daysSupply is a count of days; senders often leave out the unit. */
    private static Quantity withDayUnit(MedicationDispense dispense) {
        if (!dispense.hasDaysSupply()) {
            return null;
        }
        Quantity supply = dispense.getDaysSupply().copy();
        if (!supply.hasCode() && !supply.hasUnit()) {
            supply.setCode("d");
        }
        return supply;
    }

    private Optional<MedicationRecord> administration(MedicationAdministration administration) {
        Optional<LocalDate> start = administration.hasEffectivePeriod()
                ? FhirDates.start(administration.getEffectivePeriod())
                : FhirDates.day(administration.getEffectiveDateTimeType());
        Optional<LocalDate> end = administration.hasEffectivePeriod()
                ? FhirDates.end(administration.getEffectivePeriod()) : start;
        return build(administration, new Parts(Kind.ADMINISTRATION, administration.getStatusElement()
                .getValueAsString(), start, end), administration.getMedication(), List.of());
    }

    private record Parts(Kind kind, String status, Optional<LocalDate> start, Optional<LocalDate> end) {
    }

    private Optional<MedicationRecord> build(DomainResource resource, Parts parts, Type medication,
            List<CodeableConcept> reasons) {
        String status = parts.status() == null ? "unknown" : parts.status().toLowerCase(Locale.ROOT);
        if (parts.kind().neverHappened(status) || parts.start().isEmpty()) {
            return Optional.empty();
        }
        MedicationConcept concept = MedicationConcept.empty();
        List<String> medicationSources = List.of();
        if (medication instanceof CodeableConcept code) {
            concept = MedicationConcept.of(code);
        } else if (medication instanceof Reference reference) {
            Optional<Medication> resolved = medications.resolve(reference, resource);
            concept = resolved.map(MedicationRecordReader::concept).orElse(concept).plusText(reference.getDisplay());
            medicationSources = resolved.filter(found -> !resource.getContained().contains(found))
                    .map(found -> List.of(References.of(found))).orElse(List.of());
        }
        return Optional.of(new MedicationRecord(References.of(resource), parts.kind(), concept, parts.start().get(),
                parts.end(), status, reasons, medicationSources));
    }

    private static MedicationConcept concept(Medication medication) {
        MedicationConcept concept = MedicationConcept.of(medication.getCode());
        for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
            if (ingredient.hasItemCodeableConcept()) {
                concept = concept.plus(ingredient.getItemCodeableConcept());
            } else if (ingredient.hasItemReference()) {
                concept = concept.plusText(ingredient.getItemReference().getDisplay());
            }
        }
        return concept;
    }
}
