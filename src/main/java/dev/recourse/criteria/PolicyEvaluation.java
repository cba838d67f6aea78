package dev.recourse.criteria;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.repository.IRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Judges a policy's criteria against a patient's chart, the SDC way: the policy's variables are
 * computed in order ({@code x-fhir-query} against the store, FHIRPath over what came before), then each
 * criterion's {@code initialExpression} gives its answer — true met, false not met, nothing unknown — and
 * its {@code criterion-evidence} expression the resources that prove it.
 */
@Component
class PolicyEvaluation {
	private final FhirContext fhirContext;
	private final ChartVariables variables;

	PolicyEvaluation(FhirContext fhirContext, ChartVariables variables) {
		this.fhirContext = fhirContext;
		this.variables = variables;
	}

	/** The patient's chart for one evaluation (and the off-label review that follows it). */
	PatientChart chart(IRepository store, String patientId) {
		return variables.chart(store, patientId);
	}

	List<CriterionResult> evaluate(Questionnaire policy, Patient patient, PatientChart chart) {
		Patient subject = patient.copy();
		subject.setId(patient.getIdElement().getIdPart());
		PolicyFhirPath fhirPath = new PolicyFhirPath(fhirContext, subject);
		defineVariables(policy, fhirPath, chart);
		List<CriterionResult> results = new ArrayList<>();
		criteria(policy.getItem(), results, fhirPath);
		return results;
	}

	private void defineVariables(Questionnaire policy, PolicyFhirPath fhirPath, PatientChart chart) {
		for (Extension variable : policy.getExtensionsByUrl(PolicyExtensions.VARIABLE)) {
			if (variable.getValue() instanceof Expression expression && expression.hasName()) {
				// a variable is the whole collection its expression gives, and is defined (empty) when that is empty
				List<IBase> value = PolicyExtensions.FHIR_QUERY.equals(expression.getLanguage())
						? List.<IBase>of(variables.query(expression.getExpression(), fhirPath, chart))
						: fhirPath.evaluate(expression.getExpression(), "Questionnaire.extension('variable')." + expression.getName());
				fhirPath.define(expression.getName(), value);
			}
		}
	}

	private static void criteria(List<Questionnaire.QuestionnaireItemComponent> items, List<CriterionResult> into, PolicyFhirPath fhirPath) {
		for (Questionnaire.QuestionnaireItemComponent item : items) {
			Extension criterionId = item.getExtensionByUrl(PolicyExtensions.CRITERION_ID);
			if (criterionId != null) {
				into.add(judge(item, criterionId.getValue().primitiveValue(), fhirPath));
			}
			criteria(item.getItem(), into, fhirPath);
		}
	}

	private static CriterionResult judge(Questionnaire.QuestionnaireItemComponent item, String criterionId, PolicyFhirPath fhirPath) {
		String where = "Questionnaire.item('" + item.getLinkId() + "')";
		Optional<Boolean> answer = expression(item, PolicyExtensions.INITIAL_EXPRESSION)
				.flatMap(expression -> fhirPath.evaluate(expression, where + ".initialExpression").stream().findFirst())
				.filter(BooleanType.class::isInstance)
				.map(value -> ((BooleanType) value).booleanValue());
		List<String> evidence = expression(item, PolicyExtensions.CRITERION_EVIDENCE)
				.map(expression -> fhirPath.evaluate(expression, where + ".criterion-evidence")).orElse(List.of()).stream()
				.filter(Resource.class::isInstance)
				.map(resource -> ((Resource) resource).fhirType() + "/" + ((Resource) resource).getIdElement().getIdPart())
				.distinct().toList();
		CriterionStatus status = answer.map(met -> met ? CriterionStatus.MET : CriterionStatus.NOT_MET)
				.orElse(CriterionStatus.UNKNOWN);
		Optional<String> gap = Optional.ofNullable(item.getExtensionByUrl(PolicyExtensions.CRITERION_GAP)).map(gapText -> gapText.getValue().primitiveValue());
		return new CriterionResult(item.getLinkId(), criterionId, item.getText(), status, answer, evidence, gap);
	}

	private static Optional<String> expression(Questionnaire.QuestionnaireItemComponent item, String url) {
		Extension extension = item.getExtensionByUrl(url);
		return extension != null && extension.getValue() instanceof Expression expression && expression.hasExpression()
				? Optional.of(expression.getExpression()) : Optional.empty();
	}
}
