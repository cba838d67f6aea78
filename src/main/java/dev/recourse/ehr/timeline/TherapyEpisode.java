package dev.recourse.ehr.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/**
 * One continuous run of one ingredient.
 *
 * @param ingredient the RxNorm ingredient (IN) when the drug table knows it, else the record's own coding or text
 * @param drugClass the class from the drug table; empty for a drug the table does not list
 * @param end the last day on therapy; empty while the episode is ongoing
 * @param days days on therapy counting both the start day and the last day (or {@code asOf} while ongoing),
 *     so a single 30-day fill gives 30
 * @param outcomeBasis a sentence naming the record that decided the outcome
 * @param sources relative references of every record that contributed, e.g. {@code MedicationRequest/12}
 */
public record TherapyEpisode(Coding ingredient, Optional<DrugClass> drugClass, LocalDate start,
        Optional<LocalDate> end, long days, TherapyOutcome outcome, String outcomeBasis, List<String> sources) {

    public TherapyEpisode {
        sources = List.copyOf(sources);
    }
}
