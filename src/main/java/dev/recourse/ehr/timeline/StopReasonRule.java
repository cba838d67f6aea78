package dev.recourse.ehr.timeline;

import dev.recourse.denial.Citation;
import java.util.regex.Pattern;

/**
 * One row of {@code rules/therapy-stop-reasons.yaml}: either a code (system + code) or a phrase matched as
 * whole words in the reason's text, and the outcome it means.
 */
record StopReasonRule(String system, String code, String phrase, TherapyOutcome outcome, Citation citation) {

    boolean isCoded() {
        return code != null;
    }

    Pattern phrasePattern() {
        return MedicationConcept.wholeWord(phrase);
    }
}
