package dev.recourse.pathway;

import dev.recourse.denial.DecisionLevel;
import dev.recourse.denial.DenialCategory;
import dev.recourse.denial.PlanRegime;
import java.util.List;
import java.util.Set;

/**
 * One row of {@code rules/pathways.yaml}: when it applies (empty sets mean "any"), whether the pathway is open,
 * the reason in words, and which clocks of {@code clocks.yaml} it uses. Rows are read in file order and the
 * first matching row for a pathway wins, so specific rows come before general ones.
 *
 * @param urgent null when the row applies whether or not the request is urgent
 * @param priority lower is tried first among eligible options
 * @param clocks the clock ids for filing, decision, expedited decision, and a reminder; any may be null
 */
public record PathwayRule(PathwayCode pathway, Set<PlanRegime> regimes, Set<DenialCategory> categories,
        Set<DecisionLevel> levels, Boolean urgent, boolean eligible, int priority, String rationale,
        RuleClocks clocks, List<String> citations, List<String> warnings) {

    public boolean matches(PlanRegime regime, DenialCategory category, DecisionLevel level, boolean isUrgent) {
        return (regimes.isEmpty() || regimes.contains(regime))
                && (categories.isEmpty() || categories.contains(category))
                && (levels.isEmpty() || levels.contains(level))
                && (urgent == null || urgent == isUrgent);
    }

    /**
     * The clocks a pathway row points to.
     *
     * @param reminderText a warning with {@code {date}} replaced by the reminder clock's last day
     */
    public record RuleClocks(String filing, String decision, String expedited, String reminder, String reminderText) {
    }
}
