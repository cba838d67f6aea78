package dev.recourse.pathway;

import java.util.Arrays;

/** Codes of {@code http://recourse.dev/fhir/CodeSystem/pathway}; the codes are a public contract. */
public enum PathwayCode {
    CORRECT_AND_RESUBMIT("correct-and-resubmit"),
    RETRO_AUTHORIZATION("retro-authorization"),
    FORMULARY_EXCEPTION("formulary-exception"),
    STEP_THERAPY_EXCEPTION("step-therapy-exception"),
    TIERING_EXCEPTION("tiering-exception"),
    QUANTITY_LIMIT_EXCEPTION("quantity-limit-exception"),
    SITE_OF_SERVICE_EXCEPTION("site-of-service-exception"),
    NETWORK_GAP_EXCEPTION("network-gap-exception"),
    PEER_TO_PEER("peer-to-peer"),
    INTERNAL_APPEAL("internal-appeal"),
    EXPEDITED_INTERNAL_APPEAL("expedited-internal-appeal"),
    EXTERNAL_REVIEW("external-review"),
    EXPEDITED_EXTERNAL_REVIEW("expedited-external-review"),
    IRE_RECONSIDERATION("ire-reconsideration"),
    STATE_FAIR_HEARING("state-fair-hearing"),
    REGULATOR_COMPLAINT("regulator-complaint"),
    PATIENT_ASSISTANCE_PROGRAM("patient-assistance-program"),
    ALTERNATIVE_THERAPY("alternative-therapy");

    public static final String SYSTEM = "http://recourse.dev/fhir/CodeSystem/pathway";

    private final String code;

    PathwayCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PathwayCode fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pathway code '" + code + "'"));
    }
}
