package dev.recourse.denial;

import java.util.Arrays;

/** Which decision is being triaged: the first denial, an upheld first appeal, or the plan's last word. */
public enum DecisionLevel {
    INITIAL("initial"),
    INTERNAL_APPEAL("internal-appeal"),
    FINAL_INTERNAL("final-internal");

    /** The level a stored decision is marked with (a ClaimResponse extension, valueCode): what the triage defaults to. */
    public static final String EXTENSION = "http://recourse.dev/fhir/StructureDefinition/decision-level";

    private final String code;

    DecisionLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DecisionLevel fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst()
                .orElseThrow(() -> new TriageException(TriageException.INVALID_INPUT, "decisionLevel",
                        "decisionLevel must be initial, internal-appeal or final-internal, not '" + code + "'"));
    }
}
