package dev.recourse.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenialClassifierTest {

    private static final DenialClassifier CLASSIFIER = new DenialClassifier(CodeTables.load(), PhraseRules.load());

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "Ocrelizumab is not FDA-approved for this use.                    | off-label",
            "The service is experimental or investigational.                 | experimental-investigational",
            "Our step therapy program requires a trial of methotrexate.      | step-therapy",
            "This medication is not on our formulary.                        | non-formulary",
            "You have exceeded the quantity limit for this drug.             | quantity-limit",
            "The claim was denied because there was no prior authorization.  | prior-auth-missing",
            "The provider is out of network.                                 | out-of-network",
            "This service is not medically necessary.                        | medical-necessity",
            "This service is excluded from your plan.                        | benefit-exclusion",
            "The time limit for filing has expired.                          | timely-filing",
            "Your 30% coinsurance applies on the specialty tier.             | cost-sharing",
            "This is a duplicate claim.                                      | duplicate",
            "Other insurance is primary; coordination of benefits applies.   | coordination-of-benefits",
            "Additional documentation is required.                           | coding-or-information",
            "The member is not eligible for this benefit; coverage terminated.| eligibility",
            "Infusion in the hospital outpatient setting is not covered; use a lower-cost site of care. | site-of-service",
    })
    void classify_letterPhrases(String letter, String expected) {
        Classification result = CLASSIFIER.classify(denial(), List.of(new DenialText("letter text", letter)));
        assertThat(result.primary().code()).isEqualTo(expected);
        assertThat(result.categories().get(0).basis()).first().asString().startsWith("letter text: \"");
    }

    @Test
    void classify_codeAndPhraseAgree_confidenceCombines() {
        ClaimResponse response = DenialReaderTest.base();
        response.addItem().addAdjudication().setReason(DenialReaderTest.concept(CodeSystems.CARC, "188"));
        Classification result = CLASSIFIER.classify(DenialReader.read(response),
                List.of(new DenialText("letter text", "not FDA-approved for this use")));

        CategoryFinding top = result.categories().get(0);
        assertThat(top.category()).isEqualTo(DenialCategory.OFF_LABEL);
        assertThat(top.confidence()).isEqualTo(0.99); // 1 − 0.1 × 0.15 = 0.985, rounded
        assertThat(top.basis()).hasSize(2).first().asString().startsWith("CARC 188");
    }

    @Test
    void classify_severalSignals_rankedByStrength() {
        ClaimResponse response = DenialReaderTest.base();
        response.addItem().addAdjudication().setReason(DenialReaderTest.concept(CodeSystems.CARC, "50"));
        Classification result = CLASSIFIER.classify(DenialReader.read(response),
                List.of(new DenialText("letter text", "The drug is experimental.")));

        assertThat(result.categories()).extracting(CategoryFinding::category)
                .containsExactly(DenialCategory.MEDICAL_NECESSITY, DenialCategory.EXPERIMENTAL_INVESTIGATIONAL);
    }

    @Test
    void classify_unknownCode_lowersConfidenceAndSaysSo() {
        ClaimResponse response = DenialReaderTest.base();
        ClaimResponse.ItemComponent item = response.addItem();
        item.addAdjudication().setReason(DenialReaderTest.concept(CodeSystems.CARC, "50"));
        item.addAdjudication().setReason(DenialReaderTest.concept(CodeSystems.CARC, "999"));

        Classification result = CLASSIFIER.classify(DenialReader.read(response), List.of());

        assertThat(result.categories().get(0).confidence()).isEqualTo(0.72); // 0.9 × 0.8
        assertThat(result.notes()).singleElement().asString().contains("CARC 999", "not a code we recognise");
    }

    @Test
    void classify_approvedOnly_isNothingToTriage() {
        ClaimResponse response = DenialReaderTest.base();
        Extension action = response.addItem().addAdjudication().addExtension().setUrl(CodeSystems.PAS_REVIEW_ACTION);
        action.addExtension("code", DenialReaderTest.concept(CodeSystems.X12_REVIEW_ACTION, "A1"));

        assertThatThrownBy(() -> CLASSIFIER.classify(DenialReader.read(response), List.of()))
                .isInstanceOfSatisfying(TriageException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(TriageException.NOTHING_TO_TRIAGE);
                    assertThat(e.elementPath()).isEqualTo("ClaimResponse.item.adjudication");
                    assertThat(e.getMessage()).contains("approved");
                });
    }

    @Test
    void classify_emptyClaimResponseAndNoLetter_isNothingToTriage() {
        assertThatThrownBy(() -> CLASSIFIER.classify(denial(), List.of()))
                .isInstanceOfSatisfying(TriageException.class,
                        e -> assertThat(e.elementPath()).isEqualTo("ClaimResponse.item"));
    }

    private static Denial denial() {
        return DenialReader.read(DenialReaderTest.base());
    }
}
