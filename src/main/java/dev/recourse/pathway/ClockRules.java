package dev.recourse.pathway;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleRow;
import dev.recourse.denial.ServiceTiming;
import dev.recourse.denial.SourceConfidence;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The clocks of {@code rules/clocks.yaml}, loaded and checked once. A row tagged U (unconfirmed) is refused:
 * RULES.md forbids deadlines from unconfirmed facts, and a wrong deadline is worse than none.
 */
public final class ClockRules {

    public static final String RESOURCE = "rules/clocks.yaml";

    private final Map<String, List<ClockRule>> byId;

    ClockRules(List<ClockRule> rules) {
        this.byId = rules.stream().collect(Collectors.groupingBy(ClockRule::id));
    }

    public static ClockRules load() {
        return load(RESOURCE);
    }

    public static ClockRules load(String resource) {
        return new ClockRules(RuleFile.load(resource, ClockRules::parse));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The row of clock {@code id} for this service timing on this date, if any row applies. */
    public Optional<ClockRule> find(String id, ServiceTiming timing, LocalDate on) {
        return byId.getOrDefault(id, List.of()).stream().filter(rule -> rule.appliesTo(timing, on)).findFirst();
    }

    public int size() {
        return byId.values().stream().mapToInt(List::size).sum();
    }

    static ClockRule parse(RuleRow row) {
        SourceConfidence confidence = row.confidence();
        if (confidence == SourceConfidence.U) {
            throw row.problem("an unconfirmed [U] fact cannot be a clock");
        }
        String timing = row.optional("timing");
        ClockRule rule = new ClockRule(row.required("id"), Anchor.fromCode(row.required("anchor")),
                new Span(row.requiredInt("amount"), ClockUnit.fromCode(row.required("unit"))),
                row.flag("rollForward", false), timing == null ? null : ServiceTiming.fromCode(timing),
                date(row.optional("effectiveFrom")), date(row.optional("effectiveUntil")),
                new Citation(row.required("citation"), confidence), row.optional("note"));
        if (rule.span().unit() == ClockUnit.HOURS && rule.rollForward()) {
            throw row.problem("an hour clock runs in elapsed time and cannot roll forward");
        }
        return rule;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
