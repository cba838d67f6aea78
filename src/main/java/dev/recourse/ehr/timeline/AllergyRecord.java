package dev.recourse.ehr.timeline;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceType;
import org.hl7.fhir.r4.model.Coding;

/**
 * An AllergyIntolerance reduced to substance, date and kind.
 *
 * @param date onset (dateTime or period start), else recordedDate; empty when neither is given
 * @param dateWord how {@code date} was known: "with onset" or "recorded"
 * @param intolerance type = intolerance (a non-immune reaction): an adverse event rather than an allergy
 */
record AllergyRecord(String reference, MedicationConcept substance, Optional<LocalDate> date, String dateWord,
        boolean intolerance) {

    /** A refuted or mistaken entry is no evidence of anything. */
    private static final Set<String> DISCARDED = Set.of("refuted", "entered-in-error");

    static Optional<AllergyRecord> read(IBaseResource resource) {
        if (!(resource instanceof AllergyIntolerance allergy) || discarded(allergy)) {
            return Optional.empty();
        }
        MedicationConcept substance = MedicationConcept.of(allergy.getCode());
        for (AllergyIntolerance.AllergyIntoleranceReactionComponent reaction : allergy.getReaction()) {
            substance = substance.plus(reaction.getSubstance());
        }
        Optional<LocalDate> onset = allergy.hasOnsetDateTimeType() ? FhirDates.day(allergy.getOnsetDateTimeType())
                : allergy.hasOnsetPeriod() ? FhirDates.start(allergy.getOnsetPeriod()) : Optional.empty();
        Optional<LocalDate> date = onset.or(() -> FhirDates.day(allergy.getRecordedDateElement()));
        return Optional.of(new AllergyRecord(References.of(allergy), substance, date,
                onset.isPresent() ? "with onset" : "recorded", allergy.getType() == AllergyIntoleranceType.INTOLERANCE));
    }

    private static boolean discarded(AllergyIntolerance allergy) {
        return allergy.hasVerificationStatus() && allergy.getVerificationStatus().getCoding().stream().map(Coding::getCode).anyMatch(DISCARDED::contains);
    }

    /** Whether this entry can explain the end of therapy that ran from {@code start} until before {@code next}. */
    boolean dated(LocalDate start, Optional<LocalDate> next) {
        return date.map(day -> !day.isBefore(start) && next.map(day::isBefore).orElse(true)).orElse(true);
    }

    String describe(String ingredientName) {
        String kind = intolerance ? " (intolerance)" : "";
        String when = date.map(day -> " " + dateWord + " " + day).orElse(" (no date recorded)");
        return reference + kind + " to " + ingredientName + when;
    }
}
