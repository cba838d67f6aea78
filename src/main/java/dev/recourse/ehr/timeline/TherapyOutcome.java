package dev.recourse.ehr.timeline;

import java.util.Arrays;

/** How a therapy episode ended, in the words step-therapy criteria use ("failed", "intolerant", "ongoing"). */
public enum TherapyOutcome {
    ONGOING("ongoing", "Ongoing"),
    COMPLETED("completed", "Completed"),
    STOPPED_INEFFICACY("stopped-inefficacy", "Stopped: inadequate response"),
    STOPPED_ADVERSE_EVENT("stopped-adverse-event", "Stopped: adverse event or intolerance"),
    STOPPED_ALLERGY("stopped-allergy", "Stopped: allergy"),
    STOPPED_OTHER("stopped-other", "Stopped: other reason"),
    STOPPED_UNKNOWN("stopped-unknown", "Stopped: no reason recorded");

    /** Our CodeSystem therapy-outcome, as episodes carry the outcome in statusReason. */
    public static final String SYSTEM = "http://recourse.dev/fhir/CodeSystem/therapy-outcome";

    private final String code;
    private final String display;

    TherapyOutcome(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    /** Stopped for lack of effect, an adverse event or an allergy: what a reviewer weighs as a tried and failed therapy. */
    public boolean clinicalStop() {
        return this == STOPPED_INEFFICACY || this == STOPPED_ADVERSE_EVENT || this == STOPPED_ALLERGY;
    }

    public String display() {
        return display;
    }

    public static TherapyOutcome fromCode(String code) {
        return Arrays.stream(values()).filter(outcome -> outcome.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown therapy outcome '" + code + "'"));
    }
}
