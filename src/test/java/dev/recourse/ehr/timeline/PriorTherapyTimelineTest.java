package dev.recourse.ehr.timeline;

import static dev.recourse.ehr.timeline.Chart.rxnorm;
import static dev.recourse.ehr.timeline.Chart.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Scenarios for the timeline: episodes, merging, dates, outcomes; one rule of the class comment each. */
class PriorTherapyTimelineTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 31);
    private static final CodeableConcept METHOTREXATE_TABLET = rxnorm("105585", "Methotrexate 2.5 MG Oral Tablet");
    private static final CodeableConcept HUMIRA_PEN = text("Humira Pen 40 MG/0.4 ML");
    private static final PriorTherapyTimeline TIMELINE = new PriorTherapyTimeline();

    private final Chart chart = new Chart();

    @Test
    @DisplayName("RA patient: methotrexate stopped as ineffective, then adalimumab (Humira) ongoing")
    void raPatient_methotrexateThenAdalimumab() {
        for (int month = 1; month <= 6; month++) {
            chart.stoppedRequest("mtx-" + month, METHOTREXATE_TABLET, "2024-0" + month + "-05", 30);
        }
        chart.stoppedRequest("mtx-6", METHOTREXATE_TABLET, "2024-06-05", 30).setStatusReason(text("ineffective"));
        chart.request("hum-1", HUMIRA_PEN, "2024-07-15");

        List<TherapyEpisode> episodes = build();

        assertThat(episodes).hasSize(2);
        TherapyEpisode methotrexate = episodes.get(0);
        assertThat(methotrexate.ingredient().getCode()).isEqualTo("6851");
        assertThat(methotrexate.drugClass()).map(DrugClass::code).hasValue("csdmard");
        assertThat(methotrexate.start()).isEqualTo("2024-01-05");
        assertThat(methotrexate.end()).hasValue(LocalDate.parse("2024-07-04"));
        assertThat(methotrexate.days()).isEqualTo(182);
        assertThat(methotrexate.outcome()).isEqualTo(TherapyOutcome.STOPPED_INEFFICACY);
        assertThat(methotrexate.outcomeBasis()).isEqualTo("MedicationRequest/mtx-6 statusReason: 'ineffective'");
        assertThat(methotrexate.sources()).hasSize(6).contains("MedicationRequest/mtx-1", "MedicationRequest/mtx-6");
        TherapyEpisode adalimumab = episodes.get(1);
        assertThat(adalimumab.ingredient().getDisplay()).isEqualTo("adalimumab");
        assertThat(adalimumab.drugClass()).map(DrugClass::display).hasValue("TNF inhibitor");
        assertThat(adalimumab.end()).isEmpty();
        assertThat(adalimumab.days()).isEqualTo(201);
        assertThat(adalimumab.outcome()).isEqualTo(TherapyOutcome.ONGOING);
        assertThat(adalimumab.outcomeBasis()).contains("MedicationRequest/hum-1 is active");
    }

    @Test
    void merge_gapOf90Days_joins_longerGap_splits() {
        // a covers through 2023-01-30; b starts exactly 90 days later; c starts 156 days after b's last day
        chart.stoppedRequest("a", METHOTREXATE_TABLET, "2023-01-01", 30);
        chart.stoppedRequest("b", METHOTREXATE_TABLET, "2023-04-30", 30);
        chart.stoppedRequest("c", METHOTREXATE_TABLET, "2023-11-01", 30);

        List<TherapyEpisode> episodes = build();

        assertThat(episodes).extracting(TherapyEpisode::start)
                .containsExactly(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-11-01"));
        assertThat(episodes.get(0).end()).hasValue(LocalDate.parse("2023-05-29"));
        assertThat(episodes.get(0).sources()).containsExactly("MedicationRequest/a", "MedicationRequest/b");
    }

    @Test
    void request_validityPeriod_beatsAuthoredOn_and_supplyTimesFills_givesEnd() {
        chart.request("valid", rxnorm("0", "etanercept 50 MG/ML Injection"), "2024-01-20")
                .setStatus(MedicationRequestStatus.COMPLETED).getDispenseRequest().getValidityPeriod()
                .setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2024-02-01"))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2024-02-29"));
        chart.request("refills", rxnorm("0", "Leflunomide 20 MG Oral Tablet"), "2024-01-01", 30)
                .setStatus(MedicationRequestStatus.COMPLETED).getDispenseRequest().setNumberOfRepeatsAllowed(2);

        List<TherapyEpisode> episodes = build();

        assertThat(episodes).extracting(TherapyEpisode::start, TherapyEpisode::end, TherapyEpisode::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-01-01"),
                                Optional.of(LocalDate.parse("2024-03-30")), TherapyOutcome.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-02-01"),
                                Optional.of(LocalDate.parse("2024-02-29")), TherapyOutcome.COMPLETED));
        assertThat(episodes.get(0).days()).isEqualTo(90);
    }

    @Test
    void dispense_daysSupply_coversDays_andLapsedSupplyIsStoppedUnknown() {
        chart.dispense("d1", rxnorm("0", "rosuvastatin calcium 10 MG Oral Tablet"), "2024-03-01", 30);
        chart.dispense("d2", rxnorm("0", "rosuvastatin calcium 10 MG Oral Tablet"), "2024-03-31", 30);

        TherapyEpisode episode = build().get(0);

        assertThat(episode.drugClass()).map(DrugClass::code).hasValue("statin");
        assertThat(episode.end()).hasValue(LocalDate.parse("2024-04-29"));
        assertThat(episode.days()).isEqualTo(60);
        assertThat(episode.outcome()).isEqualTo(TherapyOutcome.STOPPED_UNKNOWN);
        assertThat(episode.outcomeBasis()).startsWith("no record after 2024-04-29 (latest: MedicationDispense/d2");
    }

    @Test
    void dispense_withinGraceOfAsOf_isOngoing() {
        chart.dispense("d1", rxnorm("0", "Ozempic 2 MG/3 ML Pen Injector"), "2024-12-01", 28);

        TherapyEpisode episode = build().get(0);

        assertThat(episode.ingredient().getDisplay()).isEqualTo("semaglutide");
        assertThat(episode.outcome()).isEqualTo(TherapyOutcome.ONGOING);
        assertThat(episode.end()).isEmpty();
    }

    @Test
    void allergy_afterStart_isStoppedAllergy_namingTheAllergyRecord() {
        chart.stoppedRequest("hum-1", HUMIRA_PEN, "2024-01-10", 28).setStatusReason(text("ineffective"));
        chart.allergy("7", text("Adalimumab"), "2024-03-02");

        TherapyEpisode episode = build().get(0);

        assertThat(episode.outcome()).isEqualTo(TherapyOutcome.STOPPED_ALLERGY);
        assertThat(episode.outcomeBasis()).isEqualTo("AllergyIntolerance/7 to adalimumab recorded 2024-03-02");
        assertThat(episode.sources()).containsExactly("MedicationRequest/hum-1", "AllergyIntolerance/7");
    }

    @Test
    void intolerance_isAdverseEvent_andAllergyBeforeStartOrRefuted_isIgnored() {
        chart.stoppedRequest("e", rxnorm("0", "Enbrel 50 MG/ML Prefilled Syringe"), "2024-05-01", 28);
        chart.allergy("old", text("etanercept"), "2020-01-01");
        chart.allergy("refuted", text("etanercept"), "2024-06-01").getVerificationStatus()
                .addCoding(new Coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                        "refuted", null));
        chart.allergy("intol", text("Enbrel"), null)
                .setType(org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE);

        TherapyEpisode episode = build().get(0);

        assertThat(episode.outcome()).isEqualTo(TherapyOutcome.STOPPED_ADVERSE_EVENT);
        assertThat(episode.outcomeBasis())
                .isEqualTo("AllergyIntolerance/intol (intolerance) to etanercept (no date recorded)");
    }

    @Test
    void statusReason_codedAdverseReaction_unknownReasonIsOther_noReasonIsUnknown() {
        chart.stoppedRequest("a", rxnorm("0", "tofacitinib 5 MG Oral Tablet"), "2024-01-01", 30)
                .setStatusReason(new CodeableConcept(new Coding(Chart.SNOMED, "281647001", "Adverse reaction")));
        chart.stoppedRequest("b", rxnorm("0", "Baricitinib 2 MG Oral Tablet"), "2024-02-01", 30)
                .setStatusReason(text("Moved to another state"));
        chart.stoppedRequest("c", rxnorm("0", "Upadacitinib 15 MG Extended Release Oral Tablet"), "2024-03-01", 30);

        List<TherapyEpisode> episodes = build();

        assertThat(episodes).extracting(TherapyEpisode::outcome).containsExactly(
                TherapyOutcome.STOPPED_ADVERSE_EVENT, TherapyOutcome.STOPPED_OTHER, TherapyOutcome.STOPPED_UNKNOWN);
        assertThat(episodes).extracting(TherapyEpisode::outcomeBasis).containsExactly(
                "MedicationRequest/a statusReason: 'Adverse reaction' (SNOMED 281647001)",
                "MedicationRequest/b statusReason: 'Moved to another state'",
                "MedicationRequest/c stopped, no reason recorded");
    }

    @Test
    void statement_effectivePeriod_andDateAssertedFallback() {
        chart.statement("s1", text("Zocor 20 mg daily"), "2022-01-01", "2022-12-31")
                .addStatusReason(text("side effects: myalgia"));
        org.hl7.fhir.r4.model.MedicationStatement asserted = chart.statement("s2", text("Lipitor"), "2023-06-01",
                null);
        asserted.setEffective(null).setDateAssertedElement(new org.hl7.fhir.r4.model.DateTimeType("2023-05-10"));

        List<TherapyEpisode> episodes = build();

        assertThat(episodes.get(0).days()).isEqualTo(365);
        assertThat(episodes.get(0).outcome()).isEqualTo(TherapyOutcome.STOPPED_ADVERSE_EVENT);
        assertThat(episodes.get(1).ingredient().getDisplay()).isEqualTo("atorvastatin");
        assertThat(episodes.get(1).start()).isEqualTo("2023-05-10");
        assertThat(episodes.get(1).outcome()).isEqualTo(TherapyOutcome.COMPLETED);
    }

    @Test
    void unlistedDrug_stillFormsAnEpisode_keyedByItsOwnCoding() {
        chart.stoppedRequest("f1", rxnorm("313988", "Furosemide 40 MG Oral Tablet"), "2024-01-01", 30);

        TherapyEpisode episode = build().get(0);

        assertThat(episode.ingredient().getCode()).isEqualTo("313988");
        assertThat(episode.ingredient().getDisplay()).isEqualTo("Furosemide 40 MG Oral Tablet");
        assertThat(episode.drugClass()).isEmpty();
        assertThat(episode.outcome()).isEqualTo(TherapyOutcome.STOPPED_UNKNOWN);
    }

    @Test
    void enteredInError_andDerivedStatements_areIgnored() {
        chart.request("err", METHOTREXATE_TABLET, "2024-01-01").setStatus(MedicationRequestStatus.ENTEREDINERROR);
        chart.statement("derived", METHOTREXATE_TABLET, "2020-01-01", "2020-06-01").getCategory().addCoding(
                new Coding(PriorTherapyTimeline.RECORD_CATEGORY_SYSTEM, PriorTherapyTimeline.DERIVED_CATEGORY_CODE, null));

        assertThat(build()).isEmpty();
    }

    @Test
    void multiIngredientProduct_givesOneEpisodePerIngredient() {
        chart.stoppedRequest("combo", rxnorm("0", "ezetimibe 10 MG / simvastatin 40 MG Oral Tablet [Vytorin]"),
                "2024-01-01", 30);

        assertThat(build()).extracting(episode -> episode.ingredient().getDisplay(),
                episode -> episode.drugClass().orElseThrow().code()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ezetimibe", "cholesterol-absorption-inhibitor"),
                        org.assertj.core.groups.Tuple.tuple("simvastatin", "statin"));
    }

    @Test
    void medicationReference_resolvesChartAndContainedMedications() {
        chart.medication("ocr", text("Ocrevus 300 MG/10 ML Injection"));
        chart.administration("inf-1", new org.hl7.fhir.r4.model.Reference("Medication/ocr"), "2024-01-10");
        chart.administration("inf-2", new org.hl7.fhir.r4.model.Reference("urn:uuid:ocr"), "2024-02-10");
        org.hl7.fhir.r4.model.MedicationRequest contained = chart.request("rx", null, "2024-03-01");
        contained.addContained(new org.hl7.fhir.r4.model.Medication().setCode(text("ocrelizumab")).setId("med"));
        contained.setMedication(new org.hl7.fhir.r4.model.Reference("#med"))
                .setStatus(MedicationRequestStatus.STOPPED);

        TherapyEpisode episode = build().get(0);

        assertThat(episode.ingredient().getDisplay()).isEqualTo("ocrelizumab");
        assertThat(episode.drugClass()).map(DrugClass::code).hasValue("ms-dmt");
        assertThat(episode.sources()).containsExactly("MedicationAdministration/inf-1", "Medication/ocr",
                "MedicationAdministration/inf-2", "MedicationRequest/rx");
    }

    @Test
    void sameChartInAnyOrder_givesTheSameEpisodes() {
        chart.stoppedRequest("m", METHOTREXATE_TABLET, "2024-01-01", 30);
        chart.request("h", HUMIRA_PEN, "2024-01-01");
        chart.dispense("s", rxnorm("0", "Simvastatin 20 MG Oral Tablet"), "2024-01-01", 30);
        chart.request("f", rxnorm("313988", "Furosemide 40 MG Oral Tablet"), "2024-01-01");
        List<TherapyEpisode> expected = build();

        List<IBaseResource> shuffled = new ArrayList<>(chart.resources());
        Collections.shuffle(shuffled, new Random(7));

        assertThat(TIMELINE.build(shuffled, AS_OF)).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "ingredient").isEqualTo(expected);
        assertThat(expected).extracting(episode -> episode.ingredient().getDisplay())
                .containsExactly("adalimumab", "Furosemide 40 MG Oral Tablet", "methotrexate", "simvastatin");
    }

    private List<TherapyEpisode> build() {
        return TIMELINE.build(chart.resources(), AS_OF);
    }
}
