package dev.recourse.pathway;

import dev.recourse.denial.PlanRegime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * When the plan regime is unknown, one pathway may look different under each plausible regime. The merged
 * option is open if it is open under any of them; its deadline and decision times come from the open regime
 * with the earliest deadline, because filing early is never late; reasons and warnings that hold for only some
 * regimes say which.
 */
final class RegimeMerger {

    private static final Comparator<Candidate> EARLIEST_DEADLINE_FIRST = Comparator
            .comparing((Candidate c) -> c.option().filingDeadline(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Candidate::priority);

    private RegimeMerger() {
    }

    static Candidate merge(List<Candidate> perRegime, boolean regimeUnknown) {
        if (!regimeUnknown) {
            return perRegime.get(0);
        }
        List<Candidate> eligible = perRegime.stream().filter(c -> c.option().eligible()).toList();
        Candidate lead = (eligible.isEmpty() ? perRegime : eligible).stream().min(EARLIEST_DEADLINE_FIRST).orElseThrow();
        PathwayOption leadOption = lead.option();
        PathwayOption merged = new PathwayOption(leadOption.code(), 0, !eligible.isEmpty(),
                scoped(perRegime, c -> List.of(c.option().rationale()), " "), leadOption.filingDeadline(),
                leadOption.decisionTime(), leadOption.expeditedDecisionTime(),
                union(perRegime, c -> c.option().citations()), warnings(perRegime, lead),
                leadOption.filingCitation());
        int priority = (eligible.isEmpty() ? perRegime : eligible).stream().mapToInt(Candidate::priority).min()
                .orElse(lead.priority());
        return new Candidate(merged, PlanRegime.UNKNOWN, priority, lead.categoryIndex());
    }

    private static List<String> warnings(List<Candidate> perRegime, Candidate lead) {
        List<String> warnings = new ArrayList<>(List.of(scoped(perRegime, c -> c.option().warnings(), "\n").split("\n")));
        warnings.removeIf(String::isBlank);
        long deadlines = perRegime.stream().map(c -> c.option().filingDeadline()).filter(Objects::nonNull)
                .distinct().count();
        if (deadlines > 1) {
            LocalDate earliest = lead.option().filingDeadline();
            warnings.add("The plan type is unknown and the deadline differs by plan type; the earliest (" + earliest
                    + ", for a " + lead.regime().label() + ") is shown with its decision times until the plan type"
                    + " is confirmed.");
        }
        return warnings;
    }

    /** Texts shared by every regime stand alone; the others are prefixed "If it is a …:". */
    private static String scoped(List<Candidate> perRegime,
            Function<Candidate, List<String>> texts, String separator) {
        Map<String, List<String>> labelsByText = new LinkedHashMap<>();
        for (Candidate c : perRegime) {
            texts.apply(c).forEach(text ->
                    labelsByText.computeIfAbsent(text, k -> new ArrayList<>()).add(c.regime().label()));
        }
        List<String> parts = new ArrayList<>();
        labelsByText.forEach((text, labels) -> parts.add(labels.size() == perRegime.size() ? text
                : "If it is " + article(labels.get(0)) + String.join(" or ", labels) + ": " + text));
        return String.join(separator, parts);
    }

    private static List<String> union(List<Candidate> perRegime,
            Function<Candidate, List<String>> texts) {
        return perRegime.stream().flatMap(c -> texts.apply(c).stream()).distinct().toList();
    }

    private static String article(String label) {
        return "aeiouAEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ";
    }
}
