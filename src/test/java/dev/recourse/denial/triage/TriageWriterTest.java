package dev.recourse.denial.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.denial.CategoryFinding;
import dev.recourse.denial.DenialCategory;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RegimeFinding;
import dev.recourse.pathway.ClockUnit;
import dev.recourse.pathway.DecisionTime;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

class TriageWriterTest {

    private static final PathwayOption APPEAL = new PathwayOption(PathwayCode.INTERNAL_APPEAL, 1, true,
            "Appeal to the plan.", LocalDate.of(2026, 9, 2), new DecisionTime(30, ClockUnit.CALENDAR_DAYS),
            new DecisionTime(72, ClockUnit.HOURS), List.of("29 CFR 2560.503-1(h)(3)(i) [V]"),
            List.of("If the letter gives a later deadline, it controls."));
    private static final PathwayOption EXCEPTION = new PathwayOption(PathwayCode.FORMULARY_EXCEPTION, 2, false,
            "Not for this plan.", null, null, null, List.of("45 CFR 156.122(c)"), List.of());

    private static final Triage TRIAGE = new Triage(
            List.of(new CategoryFinding(DenialCategory.OFF_LABEL, List.of("letter text: \"not FDA-approved for this use\""), 0.85),
                    new CategoryFinding(DenialCategory.MEDICAL_NECESSITY, List.of("CARC 50 …"), 0.9 * 0.5)),
            List.of("X12 306 A3 \"Not Certified\": the decision is denied."),
            new RegimeFinding(PlanRegime.ERISA_SELF_FUNDED, List.of(PlanRegime.ERISA_SELF_FUNDED),
                    List.of("Coverage.extension('plan-regime') says erisa-self-funded."), List.of()),
            List.of(APPEAL, EXCEPTION), List.of("Is the plan grandfathered?"));

    private final Parameters parameters = TriageWriter.write(TRIAGE);

    @Test
    void write_categories_inRankOrderWithOurSystem() {
        assertThat(named("category")).extracting(p -> (Coding) p.getValue())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DenialCategory.SYSTEM, "off-label"),
                        org.assertj.core.groups.Tuple.tuple(DenialCategory.SYSTEM, "medical-necessity"));
    }

    @Test
    void write_basis_namesCategoryConfidenceAndSource() {
        assertThat(named("basis")).extracting(p -> p.getValue().primitiveValue()).containsExactly(
                "off-label (confidence 0.85): letter text: \"not FDA-approved for this use\"",
                "medical-necessity (confidence 0.45): CARC 50 …",
                "X12 306 A3 \"Not Certified\": the decision is denied.",
                "plan regime: Coverage.extension('plan-regime') says erisa-self-funded.");
    }

    @Test
    void write_regimeAndQuestion() {
        Coding regime = (Coding) parameters.getParameter("regime").getValue();
        assertThat(regime.getSystem()).isEqualTo("http://recourse.dev/fhir/CodeSystem/plan-regime");
        assertThat(regime.getCode()).isEqualTo("erisa-self-funded");
        assertThat(named("question")).extracting(p -> p.getValue().primitiveValue())
                .containsExactly("Is the plan grandfathered?");
    }

    @Test
    void write_pathway_hasEveryPartInContractShape() {
        ParametersParameterComponent pathway = named("pathway").get(0);
        assertThat(pathway.getPart()).extracting(ParametersParameterComponent::getName).containsExactly(
                "code", "rank", "eligible", "rationale", "filingDeadline", "decisionTime", "expeditedDecisionTime",
                "citation", "warning");
        assertThat(((Coding) part(pathway, "code")).getSystem()).isEqualTo("http://recourse.dev/fhir/CodeSystem/pathway");
        assertThat(((Coding) part(pathway, "code")).getCode()).isEqualTo("internal-appeal");
        assertThat(((IntegerType) part(pathway, "rank")).getValue()).isEqualTo(1);
        assertThat(((BooleanType) part(pathway, "eligible")).booleanValue()).isTrue();
        assertThat(((DateType) part(pathway, "filingDeadline")).getValueAsString()).isEqualTo("2026-09-02");
        Quantity decision = (Quantity) part(pathway, "decisionTime");
        assertThat(decision.getValue().intValue()).isEqualTo(30);
        assertThat(decision.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(decision.getCode()).isEqualTo("d");
        assertThat(((Quantity) part(pathway, "expeditedDecisionTime")).getCode()).isEqualTo("h");
    }

    @Test
    void write_ineligiblePathway_omitsAbsentDeadlineAndTimes() {
        ParametersParameterComponent pathway = named("pathway").get(1);
        assertThat(pathway.getPart()).extracting(ParametersParameterComponent::getName)
                .containsExactly("code", "rank", "eligible", "rationale", "citation");
        assertThat(((BooleanType) part(pathway, "eligible")).booleanValue()).isFalse();
    }

    @Test
    void write_isValidJsonForHapi() {
        String json = DenialFixtures.FHIR.newJsonParser().encodeResourceToString(parameters);
        Parameters parsed = DenialFixtures.FHIR.newJsonParser().parseResource(Parameters.class, json);
        assertThat(parsed.getParameter()).hasSize(parameters.getParameter().size());
    }

    private List<ParametersParameterComponent> named(String name) {
        return parameters.getParameter().stream().filter(p -> p.getName().equals(name)).toList();
    }

    private static org.hl7.fhir.r4.model.Type part(ParametersParameterComponent parent, String name) {
        return parent.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow().getValue();
    }
}
