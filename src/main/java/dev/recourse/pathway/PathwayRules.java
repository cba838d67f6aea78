package dev.recourse.pathway;

import dev.recourse.denial.DecisionLevel;
import dev.recourse.denial.DenialCategory;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleRow;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of {@code rules/pathways.yaml}, loaded and checked once: every code must be a contract code, every
 * clock id must exist in {@link ClockRules}, and every row needs a rationale and at least one citation.
 */
public final class PathwayRules {

    public static final String RESOURCE = "rules/pathways.yaml";

    private final List<PathwayRule> rules;

    private PathwayRules(List<PathwayRule> rules) {
        this.rules = rules;
    }

    public static PathwayRules load(ClockRules clocks) {
        return load(RESOURCE, clocks);
    }

    public static PathwayRules load(String resource, ClockRules clocks) {
        return new PathwayRules(RuleFile.load(resource, row -> parse(row, clocks)));
    }

    /** The first row for this pathway that matches, in file order. */
    public Optional<PathwayRule> first(PathwayCode pathway, PlanRegime regime, DenialCategory category,
            DecisionLevel level, boolean urgent) {
        return rules.stream().filter(rule -> rule.pathway() == pathway)
                .filter(rule -> rule.matches(regime, category, level, urgent)).findFirst();
    }

    public int size() {
        return rules.size();
    }

    private static PathwayRule parse(RuleRow row, ClockRules clocks) {
        List<String> citations = row.list("citations");
        if (citations.isEmpty()) {
            throw row.problem("needs at least one entry in 'citations'");
        }
        String urgent = row.optional("urgent");
        return new PathwayRule(PathwayCode.fromCode(row.required("pathway")),
                codes(row, "regimes", PlanRegime::fromCode, PlanRegime.class),
                codes(row, "categories", DenialCategory::fromCode, DenialCategory.class),
                codes(row, "levels", DecisionLevel::fromCode, DecisionLevel.class),
                urgent == null ? null : Boolean.valueOf(urgent), row.flag("eligible", true),
                row.requiredInt("priority"), row.required("rationale"), ruleClocks(row, clocks), citations,
                row.list("warnings"));
    }

    private static PathwayRule.RuleClocks ruleClocks(RuleRow row, ClockRules clocks) {
        for (String key : List.of("filing", "decision", "expedited", "reminder")) {
            String id = row.optional(key);
            if (id != null && !clocks.contains(id)) {
                throw row.problem("'" + key + "' names clock '" + id + "', which is not in " + ClockRules.RESOURCE);
            }
        }
        if (row.optional("reminder") != null && row.optional("reminderText") == null) {
            throw row.problem("a 'reminder' needs a 'reminderText' with {date}");
        }
        return new PathwayRule.RuleClocks(row.optional("filing"), row.optional("decision"),
                row.optional("expedited"), row.optional("reminder"), row.optional("reminderText"));
    }

    private static <E extends Enum<E>> Set<E> codes(RuleRow row, String key, Function<String, E> parser,
            Class<E> type) {
        List<String> values = row.list(key);
        return values.isEmpty() ? EnumSet.noneOf(type)
                : values.stream().map(parser).collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
