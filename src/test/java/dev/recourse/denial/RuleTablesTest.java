package dev.recourse.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** The shipped code tables, phrase file and SOPT map load, and broken rows fail naming file and row. */
class RuleTablesTest {

    private static final CodeTables CODES = CodeTables.load();
    private static final RegimeResolver REGIMES = RegimeResolver.load();

    @Test
    void codeTables_shippedSizes() {
        assertThat(CODES.sizes()).containsEntry("rules/carc.yaml", 47).containsEntry("rules/rarc.yaml", 8)
                .containsEntry("rules/ncpdp-reject.yaml", 9).containsEntry("rules/x12-306-review-action.yaml", 8);
    }

    @Test
    void codeTables_carcGroupPrefix_isIgnored() {
        assertThat(CODES.find(CodeSystems.CARC, "PR-204")).hasValueSatisfying(
                rule -> assertThat(rule.category()).isEqualTo(DenialCategory.BENEFIT_EXCLUSION));
        assertThat(CODES.find(CodeSystems.CARC, "CO 50")).isPresent();
    }

    @Test
    void codeTables_unconfirmedCodes_areNotShipped() {
        assertThat(CODES.find(CodeSystems.RARC, "M62")).isEmpty();
        assertThat(CODES.find(CodeSystems.NCPDP_REJECT, "80")).isEmpty();
        assertThat(CODES.find(CodeSystems.NCPDP_REJECT, "A6")).isEmpty();
    }

    @Test
    void phraseRules_badPattern_failsNamingFileAndRow() {
        assertThatThrownBy(() -> PhraseRules.load("rules/broken/phrases-bad-pattern.yaml"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("rules/broken/phrases-bad-pattern.yaml row 2")
                .hasMessageContaining("regular expression");
    }

    @Test
    void regime_extensionCoding_wins() {
        Coverage coverage = new Coverage();
        coverage.addExtension(CodeSystems.RECOURSE_PLAN_REGIME, new Coding(PlanRegime.SYSTEM, "fehb", null));
        coverage.setType(new CodeableConcept(new Coding(CodeSystems.SOPT, "522", null)));

        RegimeFinding finding = REGIMES.resolve(coverage);

        assertThat(finding.regime()).isEqualTo(PlanRegime.FEHB);
        assertThat(finding.questions()).isEmpty();
    }

    @Test
    void regime_badExtensionCode_isInvalidInput() {
        Coverage coverage = new Coverage();
        coverage.addExtension(CodeSystems.RECOURSE_PLAN_REGIME, new StringType("obamacare"));
        assertThatThrownBy(() -> REGIMES.resolve(coverage)).isInstanceOfSatisfying(TriageException.class,
                e -> assertThat(e.elementPath()).isEqualTo("Coverage.extension('plan-regime')"));
    }

    @Test
    void regime_sopt_longestPrefixWins() {
        assertThat(REGIMES.resolve(sopt("5221")).regime()).isEqualTo(PlanRegime.ERISA_SELF_FUNDED);
        assertThat(REGIMES.resolve(sopt("511")).plausible()).containsExactly(PlanRegime.ERISA_SELF_FUNDED,
                PlanRegime.ERISA_INSURED, PlanRegime.ACA_INDIVIDUAL);
        assertThat(REGIMES.resolve(sopt("122")).regime()).isEqualTo(PlanRegime.MEDICARE_PART_D);
    }

    @Test
    void regime_unrecognisedType_isUnknownWithEveryRegimePlausible() {
        Coverage coverage = new Coverage();
        coverage.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "PPO",
                null)));

        RegimeFinding finding = REGIMES.resolve(coverage);

        assertThat(finding.isKnown()).isFalse();
        assertThat(finding.plausible()).hasSize(PlanRegime.values().length - 1);
        assertThat(finding.questions()).containsExactly(RegimeResolver.UNKNOWN_QUESTION);
    }

    @Test
    void decisionLevel_badCode_isInvalidInput() {
        assertThatThrownBy(() -> DecisionLevel.fromCode("supreme-court"))
                .isInstanceOfSatisfying(TriageException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("invalid-input");
                    assertThat(e.elementPath()).isEqualTo("decisionLevel");
                });
    }

    private static Coverage sopt(String code) {
        Coverage coverage = new Coverage();
        coverage.setType(new CodeableConcept(new Coding(CodeSystems.SOPT, code, null)));
        return coverage;
    }
}
