package dev.recourse.pathway;

import dev.recourse.denial.PlanRegime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When the plan regime is unknown, one pathway may look different under each plausible regime. The merged
 * option is open if it is open under any of them, says which regime each reason applies to, and shows the
 * earliest filing deadline, because filing early is never late.
 */
final class RegimeMerger {

    private RegimeMerger() {
    }

    static Candidate merge(List<Candidate> perRegime, boolean regimeUnknown) {
        if (!regimeUnknown) {
            return perRegime.get(0);
        }
        List<Candidate> eligible = perRegime.stream().filter(c -> c.option().eligible()).toList();
        List<Candidate> basis = eligible.isEmpty() ? perRegime : eligible;
        Candidate lead = basis.stream().min(Comparator.comparingInt(Candidate::priority)).orElseThrow();
        LocalDate earliest = basis.stream().map(c -> c.option().filingDeadline()).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        PathwayOption leadOption = lead.option();
        PathwayOption merged = new PathwayOption(leadOption.code(), 0, !eligible.isEmpty(), rationale(perRegime),
                earliest, leadOption.decisionTime(), leadOption.expeditedDecisionTime(), citations(perRegime),
                warnings(perRegime, earliest));
        return new Candidate(merged, PlanRegime.UNKNOWN, lead.priority(), lead.categoryIndex());
    }

    private static String rationale(List<Candidate> perRegime) {
        Map<String, List<String>> regimesByText = new LinkedHashMap<>();
        for (Candidate c : perRegime) {
            regimesByText.computeIfAbsent(c.option().rationale(), k -> new ArrayList<>()).add(c.regime().label());
        }
        if (regimesByText.size() == 1) {
            return regimesByText.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        regimesByText.forEach((text, labels) -> parts.add("If it is a " + String.join(" or ", labels) + ": " + text));
        return String.join(" ", parts);
    }

    private static List<String> citations(List<Candidate> perRegime) {
        Set<String> all = new LinkedHashSet<>();
        perRegime.forEach(c -> all.addAll(c.option().citations()));
        return List.copyOf(all);
    }

    private static List<String> warnings(List<Candidate> perRegime, LocalDate earliest) {
        Set<String> all = new LinkedHashSet<>();
        Set<LocalDate> deadlines = new LinkedHashSet<>();
        perRegime.forEach(c -> {
            all.addAll(c.option().warnings());
            if (c.option().filingDeadline() != null) {
                deadlines.add(c.option().filingDeadline());
            }
        });
        if (deadlines.size() > 1) {
            all.add("The plan type is unknown and the deadline differs by plan type; the earliest (" + earliest
                    + ") is shown until the plan type is confirmed.");
        }
        return List.copyOf(all);
    }
}
