package dev.recourse.ehr.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * One medication record reduced to what the timeline needs: when it covers, what drug, and what its status says.
 *
 * @param reference relative reference, e.g. {@code MedicationRequest/12}
 * @param end the last day covered; empty when the record gives no end
 * @param status the resource's status code as written (lower case)
 * @param statusReasons statusReason of a MedicationRequest or MedicationStatement; empty for other kinds
 * @param medicationSources Medication resources (outside the record) that named the drug
 */
record MedicationRecord(String reference, Kind kind, MedicationConcept concept, LocalDate start,
        Optional<LocalDate> end, String status, List<CodeableConcept> statusReasons, List<String> medicationSources) {

    /** Orders and statements say whether therapy goes on; dispenses and administrations only that it happened. */
    enum Kind {
        REQUEST(Set.of("entered-in-error", "draft")),
        STATEMENT(Set.of("entered-in-error", "not-taken", "intended")),
        DISPENSE(Set.of("entered-in-error", "cancelled", "declined")),
        ADMINISTRATION(Set.of("entered-in-error", "not-done"));

        /** Statuses that say the drug was never taken, so the record is no evidence of therapy. */
        private final Set<String> neverHappened;

        Kind(Set<String> neverHappened) {
            this.neverHappened = neverHappened;
        }

        boolean neverHappened(String status) {
            return neverHappened.contains(status);
        }

        boolean saysTherapyStatus() {
            return this == REQUEST || this == STATEMENT;
        }
    }

    private static final Set<String> CONTINUING = Set.of("active", "on-hold");
    private static final Set<String> STOPPED = Set.of("stopped", "cancelled");

    MedicationRecord {
        statusReasons = List.copyOf(statusReasons);
        medicationSources = List.copyOf(medicationSources);
        end = end.map(last -> last.isBefore(start) ? start : last);
    }

    LocalDate coveredUntil() {
        return end.orElse(start);
    }

    boolean isContinuing() {
        return kind.saysTherapyStatus() && CONTINUING.contains(status);
    }

    boolean isStopped() {
        return kind.saysTherapyStatus() && STOPPED.contains(status);
    }

    boolean isCompleted() {
        return kind.saysTherapyStatus() && "completed".equals(status);
    }
}
