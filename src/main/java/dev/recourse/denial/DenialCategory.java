package dev.recourse.denial;

import java.util.Arrays;

/** Codes of {@code http://recourse.dev/fhir/CodeSystem/denial-category}; the codes are a public contract. */
public enum DenialCategory {
    MEDICAL_NECESSITY("medical-necessity"),
    EXPERIMENTAL_INVESTIGATIONAL("experimental-investigational"),
    OFF_LABEL("off-label"),
    STEP_THERAPY("step-therapy"),
    NON_FORMULARY("non-formulary"),
    QUANTITY_LIMIT("quantity-limit"),
    PRIOR_AUTH_MISSING("prior-auth-missing"),
    OUT_OF_NETWORK("out-of-network"),
    BENEFIT_EXCLUSION("benefit-exclusion"),
    CODING_OR_INFORMATION("coding-or-information"),
    ELIGIBILITY("eligibility"),
    TIMELY_FILING("timely-filing"),
    SITE_OF_SERVICE("site-of-service"),
    COST_SHARING("cost-sharing"),
    DUPLICATE("duplicate"),
    COORDINATION_OF_BENEFITS("coordination-of-benefits");

    public static final String SYSTEM = "http://recourse.dev/fhir/CodeSystem/denial-category";

    private final String code;

    DenialCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DenialCategory fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown denial-category code '" + code + "'"));
    }
}
