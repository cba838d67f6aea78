package dev.recourse.ehr.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One ingredient's merged records before the outcome is judged.
 *
 * @param records in chronological order
 * @param nextStart when the next run of the same ingredient starts, if there is one
 */
record Run(Ingredient ingredient, List<MedicationRecord> records, Optional<LocalDate> nextStart) {

    Run {
        records = List.copyOf(records);
    }

    LocalDate start() {
        return records.get(0).start();
    }

    LocalDate lastCovered() {
        return EpisodeMerger.coveredUntil(records);
    }

    MedicationRecord latest() {
        return records.get(records.size() - 1);
    }

    /** The latest order or statement: the records that can say why therapy ended. */
    Optional<MedicationRecord> latestOrderOrStatement() {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).kind().saysTherapyStatus()) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }
}
