package dev.recourse.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;

class DenialReaderTest {

    @Test
    void read_pasReviewAction_withShortSubExtensionNames() {
        ClaimResponse response = base();
        Extension action = response.addItem().addAdjudication().addExtension().setUrl(CodeSystems.PAS_REVIEW_ACTION);
        action.addExtension("code", concept(CodeSystems.X12_REVIEW_ACTION, "A3"));
        action.addExtension("reasonCode", concept(CodeSystems.X12_REVIEW_DECISION_REASON, "XYZ"));

        Denial denial = DenialReader.read(response);

        assertThat(denial.signals()).extracting(DenialSignal::source, DenialSignal::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SignalSource.REVIEW_ACTION, "A3"),
                org.assertj.core.groups.Tuple.tuple(SignalSource.REVIEW_REASON, "XYZ"));
        assertThat(denial.signals().get(0).path())
                .isEqualTo("ClaimResponse.item[0].adjudication[0].extension('reviewAction').code");
    }

    @Test
    void read_pasReviewAction_withFullReviewActionCodeUrl() {
        ClaimResponse response = base();
        Extension action = response.addItem().addAdjudication().addExtension().setUrl(CodeSystems.PAS_REVIEW_ACTION);
        action.addExtension(CodeSystems.PAS_REVIEW_ACTION_CODE, concept(CodeSystems.X12_REVIEW_ACTION, "A3"));

        assertThat(DenialReader.read(response).signals()).singleElement()
                .extracting(DenialSignal::source).isEqualTo(SignalSource.REVIEW_ACTION);
    }

    @Test
    void read_reasonsAtEveryLevel_errorsAndTexts() {
        ClaimResponse response = base();
        response.addAdjudication().setReason(concept(CodeSystems.CARC, "50"));
        ClaimResponse.ItemComponent item = response.addItem();
        item.addDetail().addAdjudication().setReason(concept(CodeSystems.RARC, "N130"));
        response.addAddItem().addAdjudication().setReason(concept(CodeSystems.NCPDP_REJECT, "MR"));
        response.addError().setCode(concept("http://terminology.hl7.org/CodeSystem/adjudication-error", "a001"));
        response.addProcessNote().setText("Not medically necessary.");
        response.setDisposition("Denied");

        Denial denial = DenialReader.read(response);

        assertThat(denial.signals()).extracting(DenialSignal::path).containsExactly(
                "ClaimResponse.adjudication[0].reason",
                "ClaimResponse.item[0].detail[0].adjudication[0].reason",
                "ClaimResponse.addItem[0].adjudication[0].reason",
                "ClaimResponse.error[0].code");
        assertThat(denial.pharmacy()).isTrue();
        assertThat(denial.texts()).extracting(DenialText::origin)
                .containsExactly("ClaimResponse.processNote[0].text", "ClaimResponse.disposition");
    }

    @Test
    void read_datesAndTiming() {
        ClaimResponse response = base();
        response.setCreatedElement(new DateTimeType("2026-03-02T23:30:00-08:00"));
        response.addExtension(CodeSystems.RECOURSE_RECEIVED_DATE, new DateType("2026-03-06"));
        response.setUse(ClaimResponse.Use.CLAIM);

        Denial denial = DenialReader.read(response);

        assertThat(denial.noticeDate()).as("the date as written, not shifted to UTC").isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(denial.receivedDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(denial.timing()).isEqualTo(ServiceTiming.POST_SERVICE);
        assertThat(denial.pharmacy()).isFalse();
    }

    @Test
    void read_null_isInvalidInput() {
        assertThatThrownBy(() -> DenialReader.read(null)).isInstanceOfSatisfying(TriageException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("invalid-input");
            assertThat(e.elementPath()).isEqualTo("ClaimResponse");
        });
    }

    @Test
    void read_noCreated_isInvalidInputAtCreated() {
        assertThatThrownBy(() -> DenialReader.read(new ClaimResponse()))
                .isInstanceOfSatisfying(TriageException.class,
                        e -> assertThat(e.elementPath()).isEqualTo("ClaimResponse.created"));
    }

    static ClaimResponse base() {
        ClaimResponse response = new ClaimResponse();
        response.setCreatedElement(new DateTimeType("2026-03-02"));
        response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
        return response;
    }

    static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }
}
