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

    /** The level a decision is marked with, if it is; an unknown code is a 4xx naming {@code decisionLevel}. */
    public static java.util.Optional<DecisionLevel> markedOn(org.hl7.fhir.r4.model.ClaimResponse decision) {
        return decision.getExtensionsByUrl(EXTENSION).stream()
                .map(extension -> extension.getValue() == null ? null : extension.getValue().primitiveValue())
                .filter(java.util.Objects::nonNull).findFirst().map(DecisionLevel::fromCode);
    }

    public static DecisionLevel fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst()
                .orElseThrow(() -> new TriageException(TriageException.INVALID_INPUT, "decisionLevel",
                        "decisionLevel must be initial, internal-appeal or final-internal, not '" + code + "'"));
    }
}
