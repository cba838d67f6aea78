package dev.recourse.ehr.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.denial.SourceConfidence;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The timeline's rule files load, every row is cited and tagged, and names match as whole words only. */
class TimelineRuleFilesTest {

    private static final DrugClassTable DRUGS = DrugClassTable.load();

    @Test
    void drugClasses_everyRowHasCitationAndConfidence() {
        assertThat(DRUGS.rows()).allSatisfy(row -> {
            assertThat(row.citation().text()).isNotBlank();
            assertThat(row.citation().confidence()).isIn(SourceConfidence.S, SourceConfidence.U);
        });
    }

    @Test
    void drugClasses_coverTheIngredientsCriteriaAskAbout() {
        assertThat(DRUGS.rows()).extracting(IngredientRule::name).contains("methotrexate", "leflunomide",
                "sulfasalazine", "hydroxychloroquine", "adalimumab", "etanercept", "infliximab", "certolizumab pegol",
                "golimumab", "tofacitinib", "baricitinib", "upadacitinib", "atorvastatin", "rosuvastatin",
                "simvastatin", "pravastatin", "lovastatin", "ezetimibe", "evolocumab", "alirocumab", "ocrelizumab",
                "interferon beta-1a", "glatiramer", "dimethyl fumarate", "fingolimod", "natalizumab", "ofatumumab",
                "semaglutide", "liraglutide", "dulaglutide", "tirzepatide", "dupilumab");
    }

    @Test
    void drugClasses_matchBrandAsWholeWordOnly() {
        assertThat(DRUGS.match(MedicationConcept.of(Chart.text("HUMIRA(CF) PEN 40 MG/0.4ML"))))
                .extracting(IngredientRule::name).containsExactly("adalimumab");
        assertThat(DRUGS.match(MedicationConcept.of(Chart.text("Humiral 10 mg")))).isEmpty();
        assertThat(DRUGS.match(MedicationConcept.of(Chart.rxnorm("6851", null))))
                .extracting(IngredientRule::name).containsExactly("methotrexate");
    }

    @Test
    void stopReasons_everyRowHasCitationAndConfidence_andPhrasesCompile() {
        List<StopReasonRule> rows = StopReasonTable.load().rows();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.citation().text()).isNotBlank();
            assertThat(row.citation().confidence()).isNotNull();
        });
        assertThat(rows.stream().filter(row -> !row.isCoded()).map(StopReasonRule::phrasePattern))
                .allSatisfy(pattern -> assertThat(pattern).isInstanceOf(Pattern.class));
    }

    @Test
    void stopReasons_phrasesInFreeText() {
        StopReasonTable reasons = StopReasonTable.load();
        assertThat(reasons.classify(Chart.text("Inadequate response after 12 weeks")))
                .map(StopReasonRule::outcome).hasValue(TherapyOutcome.STOPPED_INEFFICACY);
        assertThat(reasons.classify(Chart.text("hepatotoxicity - ALT 5x ULN")))
                .map(StopReasonRule::outcome).hasValue(TherapyOutcome.STOPPED_ADVERSE_EVENT);
        assertThat(reasons.classify(Chart.text("allergic reaction (hives)")))
                .map(StopReasonRule::outcome).hasValue(TherapyOutcome.STOPPED_ALLERGY);
        assertThat(reasons.classify(Chart.text("insurance would not cover"))).isEmpty();
    }
}
