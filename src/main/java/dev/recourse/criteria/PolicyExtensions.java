package dev.recourse.criteria;

/** The extension URLs a coverage policy and a criteria map are read and written with. */
final class PolicyExtensions {
	static final String RECOURSE = "http://recourse.dev/fhir/StructureDefinition/";
	static final String CRITERION_ID = RECOURSE + "criterion-id";
	static final String CRITERION_EVIDENCE = RECOURSE + "criterion-evidence";
	static final String CRITERION_GAP = RECOURSE + "criterion-gap";
	static final String CRITERION_STATUS = RECOURSE + "criterion-status";
	static final String EVIDENCE = RECOURSE + "evidence";
	static final String OVERRIDE_REASON = RECOURSE + "override-reason";
	static final String APPLICABILITY = RECOURSE + "policy-applicability";
	static final String CRITERION_STATUSES = "http://recourse.dev/fhir/CodeSystem/criterion-status";
	static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";
	static final String INITIAL_EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression";
	static final String INFORMATION_ORIGIN = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin";
	static final String FHIR_QUERY = "application/x-fhir-query";
	static final String FHIRPATH = "text/fhirpath";

	private PolicyExtensions() {
	}
}
