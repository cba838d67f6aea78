package dev.recourse.denial.triage;

import dev.recourse.denial.CategoryFinding;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RegimeFinding;
import dev.recourse.pathway.PathwayOption;
import java.util.List;

/**
 * The triage answer.
 *
 * @param categories most likely first, each with its basis and confidence
 * @param notes basis lines about the denial as a whole (decision codes, unrecognised codes, fallbacks)
 * @param regime the plan regime, with the regimes the answer covers when it is unknown
 * @param pathways ranked, rank 1 first
 * @param questions what to ask when the input could not decide
 */
public record Triage(List<CategoryFinding> categories, List<String> notes, RegimeFinding regime,
        List<PathwayOption> pathways, List<String> questions) {

    public Triage {
        categories = List.copyOf(categories);
        notes = List.copyOf(notes);
        pathways = List.copyOf(pathways);
        questions = List.copyOf(questions);
    }

    public PlanRegime planRegime() {
        return regime.regime();
    }
}
