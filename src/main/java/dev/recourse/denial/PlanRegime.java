package dev.recourse.denial;

import java.util.Arrays;
import java.util.Optional;

/** Codes of {@code http://recourse.dev/fhir/CodeSystem/plan-regime}; the codes are a public contract. */
public enum PlanRegime {
    ERISA_SELF_FUNDED("erisa-self-funded", "self-funded employer plan (ERISA)"),
    ERISA_INSURED("erisa-insured", "fully insured employer plan (ERISA)"),
    ACA_INDIVIDUAL("aca-individual", "individual (ACA) plan"),
    GOVERNMENTAL_NONFEDERAL("governmental-nonfederal", "state or local government employer plan"),
    FEHB("fehb", "Federal Employees Health Benefits plan"),
    MEDICARE_ADVANTAGE("medicare-advantage", "Medicare Advantage plan"),
    MEDICARE_PART_D("medicare-part-d", "Medicare Part D plan"),
    ORIGINAL_MEDICARE("original-medicare", "Original Medicare"),
    MEDICAID_MANAGED_CARE("medicaid-managed-care", "Medicaid managed care plan"),
    MEDICAID_FFS("medicaid-ffs", "fee-for-service Medicaid"),
    UNKNOWN("unknown", "unknown plan type");

    public static final String SYSTEM = "http://recourse.dev/fhir/CodeSystem/plan-regime";

    private final String code;
    private final String label;

    PlanRegime(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** A phrase a specialist reads in a rationale, e.g. "Medicare Advantage plan". */
    public String label() {
        return label;
    }

    public static Optional<PlanRegime> findByCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static PlanRegime fromCode(String code) {
        return findByCode(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown plan-regime code '" + code + "'"));
    }
}
