package dev.recourse.denial;

import java.util.List;

/**
 * The plan regime and how it was found.
 *
 * @param regime the regime, or {@link PlanRegime#UNKNOWN}
 * @param plausible the regimes the answer must cover: just {@code regime} when known
 * @param basis how the regime was found (extension, Coverage.type code, nothing)
 * @param questions what to ask to pin it down
 */
public record RegimeFinding(PlanRegime regime, List<PlanRegime> plausible, List<String> basis, List<String> questions) {

    public RegimeFinding {
        plausible = List.copyOf(plausible);
        basis = List.copyOf(basis);
        questions = List.copyOf(questions);
    }

    public boolean isKnown() {
        return regime != PlanRegime.UNKNOWN;
    }
}
