package dev.recourse.denial;

/** Code system URIs we read denials in (DESIGN.md §2, STANDARDS.md §5). */
public final class CodeSystems {

    public static final String CARC = "https://x12.org/codes/claim-adjustment-reason-codes";
    public static final String RARC = "https://x12.org/codes/remittance-advice-remark-codes";
    public static final String NCPDP_REJECT = "http://terminology.hl7.org/CodeSystem/NCPDPRejectCode";
    public static final String X12_REVIEW_ACTION = "https://codesystem.x12.org/005010/306";
    public static final String X12_REVIEW_DECISION_REASON = "https://codesystem.x12.org/external/886";
    public static final String SOPT = "https://nahdo.org/sopt";

    public static final String PAS_REVIEW_ACTION =
            "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction";
    public static final String PAS_REVIEW_ACTION_CODE =
            "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode";
    public static final String RECOURSE_PLAN_REGIME =
            "http://recourse.dev/fhir/StructureDefinition/plan-regime";
    public static final String RECOURSE_RECEIVED_DATE =
            "http://recourse.dev/fhir/StructureDefinition/received-date";

    private CodeSystems() {
    }
}
