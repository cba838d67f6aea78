package dev.recourse.denial.triage;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.denial.CodeSystems;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;

/**
 * Test data builders: a ClaimResponse from short code strings ("CARC 50", "RARC N130", "NCPDP MR", "306 A3",
 * "886 0U", "ERROR a001") and a Coverage from a regime code or a SOPT code.
 */
final class DenialFixtures {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private DenialFixtures() {
    }

    static ClaimResponse denial(String noticeDate, String use, List<String> codes) {
        ClaimResponse response = new ClaimResponse();
        response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
        response.setUse(ClaimResponse.Use.fromCode(use == null ? "preauthorization" : use));
        response.setCreatedElement(new DateTimeType(noticeDate + "T10:00:00-05:00"));
        ClaimResponse.ItemComponent item = response.addItem().setItemSequence(1);
        Extension reviewAction = null;
        for (String code : codes) {
            String[] parts = code.split(" ", 2);
            switch (parts[0]) {
                case "CARC" -> reason(item, CodeSystems.CARC, parts[1]);
                case "RARC" -> reason(item, CodeSystems.RARC, parts[1]);
                case "NCPDP" -> {
                    reason(item, CodeSystems.NCPDP_REJECT, parts[1]);
                    response.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/claim-type",
                            "pharmacy", null));
                }
                case "306" -> reviewAction = reviewAction(item, reviewAction, "code", CodeSystems.X12_REVIEW_ACTION,
                        parts[1]);
                case "886" -> reviewAction = reviewAction(item, reviewAction, "reasonCode",
                        CodeSystems.X12_REVIEW_DECISION_REASON, parts[1]);
                case "ERROR" -> response.addError().setCode(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/adjudication-error", parts[1], null)));
                default -> throw new IllegalArgumentException("unknown code kind in '" + code + "'");
            }
        }
        return response;
    }

    static ClaimResponse withReceivedDate(ClaimResponse response, String received) {
        response.addExtension(CodeSystems.RECOURSE_RECEIVED_DATE, new DateType(received));
        return response;
    }

    static Coverage coverageWithRegime(String regime) {
        Coverage coverage = new Coverage();
        coverage.addExtension(CodeSystems.RECOURSE_PLAN_REGIME,
                new Coding("http://recourse.dev/fhir/CodeSystem/plan-regime", regime, null));
        return coverage;
    }

    static Coverage coverageWithRegimeCode(String regime) {
        Coverage coverage = new Coverage();
        coverage.addExtension(CodeSystems.RECOURSE_PLAN_REGIME, new CodeType(regime));
        return coverage;
    }

    static Coverage coverageWithSopt(String sopt) {
        Coverage coverage = new Coverage();
        coverage.setType(new CodeableConcept(new Coding(CodeSystems.SOPT, sopt, null)));
        return coverage;
    }

    static <T extends IBaseResource> T read(Class<T> type, String classpathResource) {
        try (InputStream in = DenialFixtures.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException(classpathResource + " not found");
            }
            return FHIR.newJsonParser().parseResource(type, in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reason(ClaimResponse.ItemComponent item, String system, String code) {
        item.addAdjudication()
                .setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication",
                        "submitted", null)))
                .setReason(new CodeableConcept(new Coding(system, code, null)));
    }

    private static Extension reviewAction(ClaimResponse.ItemComponent item, Extension existing, String part,
            String system, String code) {
        Extension action = existing;
        if (action == null) {
            ClaimResponse.AdjudicationComponent adjudication = item.addAdjudication()
                    .setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication",
                            "submitted", null)));
            action = adjudication.addExtension().setUrl(CodeSystems.PAS_REVIEW_ACTION);
        }
        action.addExtension(part, new CodeableConcept(new Coding(system, code, null)));
        return action;
    }
}
