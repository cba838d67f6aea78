package dev.recourse.pathway;

import dev.recourse.denial.DecisionLevel;
import dev.recourse.denial.DenialCategory;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.ServiceTiming;
import java.time.LocalDate;
import java.util.List;

/**
 * What the planner needs to know about a denial.
 *
 * @param categories most likely first
 * @param regimes the plausible regimes: one when known, several when the answer must cover them all
 * @param asOf today, for deciding whether a window has already closed
 */
public record PathwayQuery(List<DenialCategory> categories, List<PlanRegime> regimes, DecisionLevel level,
        boolean urgent, ServiceTiming timing, AnchorDates dates, LocalDate asOf) {

    public PathwayQuery {
        categories = List.copyOf(categories);
        regimes = List.copyOf(regimes);
        if (categories.isEmpty() || regimes.isEmpty()) {
            throw new IllegalArgumentException("a pathway query needs at least one category and one regime");
        }
    }
}
