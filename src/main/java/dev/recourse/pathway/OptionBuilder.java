package dev.recourse.pathway;

import dev.recourse.denial.DenialCategory;
import dev.recourse.denial.PlanRegime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one matched pathway row into an option for one regime: fills the rationale, resolves its clocks,
 * computes the filing deadline and reminder dates, and closes the option when its window has passed.
 */
final class OptionBuilder {

    private final ClockRules clocks;

    OptionBuilder(ClockRules clocks) {
        this.clocks = clocks;
    }

    Candidate build(PathwayRule rule, PlanRegime regime, DenialCategory category, PathwayQuery query) {
        Set<String> citations = new LinkedHashSet<>(rule.citations());
        List<String> warnings = new ArrayList<>(rule.warnings());
        String rationale = fill(rule.rationale(), regime, category);
        boolean eligible = rule.eligible();
        LocalDate deadline = null;
        Optional<ClockRule> filing = clock(rule.clocks().filing(), query, query.dates().noticeDate());
        if (filing.isPresent()) {
            FilingDeadline computed = DeadlineCalculator.filingDeadline(filing.get(), query.dates());
            deadline = computed.lastDay();
            note(filing.get(), citations, warnings);
            warnings.addAll(computed.notes());
        }
        if (eligible && deadline != null && deadline.isBefore(query.asOf())) {
            eligible = false;
            rationale = rationale + " The filing window closed on " + deadline + ".";
            warnings.add("The deadline " + deadline + " has passed (as of " + query.asOf() + ").");
        }
        addReminder(rule.clocks(), query, citations, warnings);
        PathwayOption option = new PathwayOption(rule.pathway(), 0, eligible, rationale, deadline,
                decisionTime(rule.clocks().decision(), query, citations, warnings),
                decisionTime(rule.clocks().expedited(), query, citations, warnings),
                List.copyOf(citations), distinct(warnings), filing.map(OptionBuilder::tagged).orElse(null));
        return new Candidate(option, regime, rule.priority(), query.categories().indexOf(category));
    }

    private Optional<ClockRule> clock(String id, PathwayQuery query, LocalDate on) {
        return id == null ? Optional.empty() : clocks.find(id, query.timing(), on);
    }

    private DecisionTime decisionTime(String id, PathwayQuery query, Set<String> citations, List<String> warnings) {
        Optional<ClockRule> rule = clock(id, query, query.asOf()).filter(ClockRule::isDuration);
        rule.ifPresent(r -> note(r, citations, warnings));
        return rule.map(r -> DecisionTime.of(r.span())).orElse(null);
    }

    private void addReminder(PathwayRule.RuleClocks ruleClocks, PathwayQuery query, Set<String> citations,
            List<String> warnings) {
        clock(ruleClocks.reminder(), query, query.dates().noticeDate()).ifPresent(rule -> {
            LocalDate day = DeadlineCalculator.filingDeadline(rule, query.dates()).lastDay();
            warnings.add(ruleClocks.reminderText().replace("{date}", String.valueOf(day)));
            citations.add(tagged(rule));
        });
    }

    private static void note(ClockRule rule, Set<String> citations, List<String> warnings) {
        citations.add(tagged(rule));
        if (rule.note() != null) {
            warnings.add(rule.note());
        }
    }

    private static String tagged(ClockRule rule) {
        return rule.citation().text() + " [" + rule.citation().confidence() + "]";
    }

    static String fill(String template, PlanRegime regime, DenialCategory category) {
        return template.replace("{regime}", regime.label()).replace("{category}", category.code().replace('-', ' '));
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
