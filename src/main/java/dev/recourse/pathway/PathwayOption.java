package dev.recourse.pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * One road past the denial, as the triage answer shows it.
 *
 * @param rank 1 = try first; eligible options always rank above ineligible ones
 * @param rationale plain language for a specialist; when not eligible, why not
 * @param filingDeadline last day filing is timely; null when there is none or it depends on a later event
 * @param decisionTime how long the decider has after receiving the request; null when no rule sets one
 * @param expeditedDecisionTime the same for an expedited request; null when none
 * @param filingCitation the citation of the clock that sets {@code filingDeadline} (also among {@code citations}); null
 *     when there is no filing clock. Kept apart because a letter states its deadline together with the rule behind it.
 */
public record PathwayOption(PathwayCode code, int rank, boolean eligible, String rationale, LocalDate filingDeadline,
        DecisionTime decisionTime, DecisionTime expeditedDecisionTime, List<String> citations, List<String> warnings,
        String filingCitation) {

    public PathwayOption {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
    }

    /** An option whose filing clock's citation is not known apart from the others. */
    public PathwayOption(PathwayCode code, int rank, boolean eligible, String rationale, LocalDate filingDeadline,
            DecisionTime decisionTime, DecisionTime expeditedDecisionTime, List<String> citations, List<String> warnings) {
        this(code, rank, eligible, rationale, filingDeadline, decisionTime, expeditedDecisionTime, citations, warnings, null);
    }

    PathwayOption withRank(int newRank) {
        return new PathwayOption(code, newRank, eligible, rationale, filingDeadline, decisionTime,
                expeditedDecisionTime, citations, warnings, filingCitation);
    }
}
