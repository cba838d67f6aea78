package dev.recourse.denial.triage;

import dev.recourse.denial.CategoryFinding;
import dev.recourse.denial.DenialCategory;
import dev.recourse.denial.PlanRegime;
import dev.recourse.pathway.DecisionTime;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import java.util.Locale;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@link Triage} → the {@code $triage} output Parameters of DESIGN.md §4. Parameter and part names are the
 * contract: category, basis, regime, pathway (code, rank, eligible, rationale, filingDeadline, decisionTime,
 * expeditedDecisionTime, citation, warning), question.
 */
public final class TriageWriter {

    static final String UCUM = "http://unitsofmeasure.org";

    private TriageWriter() {
    }

    public static Parameters write(Triage triage) {
        Parameters parameters = new Parameters();
        triage.categories().forEach(finding -> parameters.addParameter()
                .setName("category").setValue(coding(DenialCategory.SYSTEM, finding.category().code())));
        triage.categories().forEach(finding -> finding.basis().forEach(line ->
                parameters.addParameter().setName("basis").setValue(new StringType(categoryBasis(finding, line)))));
        triage.notes().forEach(note -> parameters.addParameter().setName("basis").setValue(new StringType(note)));
        triage.regime().basis().forEach(line ->
                parameters.addParameter().setName("basis").setValue(new StringType("plan regime: " + line)));
        parameters.addParameter().setName("regime").setValue(coding(PlanRegime.SYSTEM, triage.planRegime().code()));
        triage.pathways().forEach(option -> writePathway(parameters.addParameter().setName("pathway"), option));
        triage.questions().forEach(q -> parameters.addParameter().setName("question").setValue(new StringType(q)));
        return parameters;
    }

    private static void writePathway(ParametersParameterComponent pathway, PathwayOption option) {
        pathway.addPart().setName("code").setValue(coding(PathwayCode.SYSTEM, option.code().code()));
        pathway.addPart().setName("rank").setValue(new IntegerType(option.rank()));
        pathway.addPart().setName("eligible").setValue(new BooleanType(option.eligible()));
        pathway.addPart().setName("rationale").setValue(new StringType(option.rationale()));
        if (option.filingDeadline() != null) {
            pathway.addPart().setName("filingDeadline").setValue(new DateType(option.filingDeadline().toString()));
        }
        if (option.decisionTime() != null) {
            pathway.addPart().setName("decisionTime").setValue(quantity(option.decisionTime()));
        }
        if (option.expeditedDecisionTime() != null) {
            pathway.addPart().setName("expeditedDecisionTime").setValue(quantity(option.expeditedDecisionTime()));
        }
        option.citations().forEach(c -> pathway.addPart().setName("citation").setValue(new StringType(c)));
        option.warnings().forEach(w -> pathway.addPart().setName("warning").setValue(new StringType(w)));
    }

    private static String categoryBasis(CategoryFinding finding, String line) {
        return finding.category().code() + " (confidence " + String.format(Locale.ROOT, "%.2f", finding.confidence())
                + "): " + line;
    }

    private static Quantity quantity(DecisionTime time) {
        return new Quantity().setValue(time.amount()).setSystem(UCUM).setCode(time.ucum()).setUnit(time.unit().words());
    }

    private static Coding coding(String system, String code) {
        return new Coding(system, code, null);
    }
}
