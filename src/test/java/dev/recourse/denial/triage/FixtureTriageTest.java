package dev.recourse.denial.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.denial.DenialCategory;
import dev.recourse.denial.PlanRegime;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.junit.jupiter.api.Test;

/** Third-party fixtures: the Da Vinci PAS 2.2.1 denial example and an R4 core ClaimResponse example. */
class FixtureTriageTest {

    private static final DenialTriage TRIAGE = DenialTriage.load(
            Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
    private static final ZonedDateTime SOON_AFTER = ZonedDateTime.of(2005, 5, 10, 9, 0, 0, 0, ZoneId.of("UTC"));

    private final ClaimResponse pasDenial =
            DenialFixtures.read(ClaimResponse.class, "triage/fixtures/ClaimResponse-RejectionResponseExample.json");
    private final Coverage pasCoverage =
            DenialFixtures.read(Coverage.class, "triage/fixtures/Coverage-InsuranceExample.json");

    @Test
    void pasRejection_notCertifiedWithoutReason_fallsBackToMedicalNecessityAndAsks() {
        Triage triage = TRIAGE.triage(new TriageRequest(pasDenial, pasCoverage, null, null, null, null, SOON_AFTER));

        assertThat(triage.categories()).singleElement().satisfies(finding -> {
            assertThat(finding.category()).isEqualTo(DenialCategory.MEDICAL_NECESSITY);
            assertThat(finding.confidence()).isLessThanOrEqualTo(0.2);
            assertThat(finding.basis()).singleElement().asString().contains("not certified");
        });
        assertThat(triage.notes()).anySatisfy(note -> assertThat(note).contains("X12 306 A3", "Not Certified",
                "ClaimResponse.item[0].adjudication[0].extension('reviewAction')"));
        assertThat(triage.planRegime()).isEqualTo(PlanRegime.UNKNOWN);
        assertThat(triage.questions()).anySatisfy(q -> assertThat(q).contains("What reason did the plan give"))
                .anySatisfy(q -> assertThat(q).contains("What kind of plan"));
    }

    @Test
    void pasRejection_unknownRegime_showsEarliestDeadlineAcrossPlausibleRegimes() {
        Triage triage = TRIAGE.triage(new TriageRequest(pasDenial, pasCoverage, null, null, null, null, SOON_AFTER));

        PathwayOption appeal = option(triage, PathwayCode.INTERNAL_APPEAL);
        // created 2005-05-02: Medicaid managed care's 60 days from the notice date is the earliest window
        assertThat(appeal.eligible()).isTrue();
        assertThat(appeal.filingDeadline()).hasToString("2005-07-01");
        assertThat(appeal.rationale()).contains("If it is a Medicaid managed care plan");
    }

    @Test
    void pasRejection_decadesLater_everyFilingWindowHasClosed() {
        Triage triage = TRIAGE.triage(TriageRequest.of(pasDenial, DenialFixtures.coverageWithRegime("erisa-insured"),
                null));

        PathwayOption appeal = option(triage, PathwayCode.INTERNAL_APPEAL);
        assertThat(appeal.eligible()).isFalse();
        assertThat(appeal.rationale()).contains("closed on 2005-10-29");
    }

    @Test
    void r4CoreExample_unknownAdjudicationReason_isReportedAndLowersConfidence() {
        ClaimResponse example = DenialFixtures.read(ClaimResponse.class, "triage/fixtures/ClaimResponse-R3500.json");

        Triage triage = TRIAGE.triage(TriageRequest.of(example, DenialFixtures.coverageWithRegime("erisa-insured"),
                null));

        assertThat(triage.notes()).anySatisfy(note -> assertThat(note).contains("ar002", "not a code we recognise"));
        assertThat(triage.categories().get(0).confidence()).isLessThan(0.2);
    }

    private static PathwayOption option(Triage triage, PathwayCode code) {
        return triage.pathways().stream().filter(o -> o.code() == code).findFirst().orElseThrow();
    }
}
