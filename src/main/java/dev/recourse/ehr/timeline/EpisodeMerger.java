package dev.recourse.ehr.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits one ingredient's records into runs: the next record joins the run when it starts no more than the
 * grace gap after the last day the run covers so far (a record's end, or its start when it gives none).
 */
final class EpisodeMerger {

    static final Comparator<MedicationRecord> CHRONOLOGICAL = Comparator.comparing(MedicationRecord::start)
            .thenComparing(MedicationRecord::coveredUntil).thenComparing(MedicationRecord::reference);

    private EpisodeMerger() {
    }

    static List<List<MedicationRecord>> merge(List<MedicationRecord> records, int graceDays) {
        List<MedicationRecord> sorted = records.stream().sorted(CHRONOLOGICAL).toList();
        List<List<MedicationRecord>> runs = new ArrayList<>();
        List<MedicationRecord> run = new ArrayList<>();
        for (MedicationRecord record : sorted) {
            if (!run.isEmpty() && ChronoUnit.DAYS.between(coveredUntil(run), record.start()) > graceDays) {
                runs.add(List.copyOf(run));
                run = new ArrayList<>();
            }
            run.add(record);
        }
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
        }
        return runs;
    }

    static LocalDate coveredUntil(List<MedicationRecord> run) {
        return run.stream().map(MedicationRecord::coveredUntil).max(Comparator.naturalOrder()).orElseThrow();
    }
}
