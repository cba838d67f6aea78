package dev.recourse.denial;

import java.util.List;

/**
 * One row of {@code rules/sopt.yaml}: a SOPT code prefix and the regime (or regimes) it implies.
 *
 * @param regime the regime when the code decides it; null when several remain
 * @param plausible the regimes still possible when the code does not decide; empty when it does
 * @param question what to ask to decide between the plausible regimes; null when decided
 */
public record SoptRule(String code, String description, PlanRegime regime, List<PlanRegime> plausible,
        String question, Citation citation) {

    public SoptRule {
        plausible = List.copyOf(plausible);
    }
}
