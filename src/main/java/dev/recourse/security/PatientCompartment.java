package dev.recourse.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.interceptor.auth.CompartmentSearchParameterModifications;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which resources belong to one patient. FHIR R4's Patient CompartmentDefinition, plus Task through
 * {@code Task.for} (our case records: R4 leaves Task out of the compartment), and the reference data no
 * patient owns, which patient-context tokens may read freely.
 */
final class PatientCompartment {
	/** Types R4 leaves out of the compartment that still carry one patient's data here. */
	static final List<String> ADDITIONAL_PARAMS = List.of("Task:patient");
	/** Shared reference data: no patient's information, needed to render any patient's record. */
	static final Set<String> REFERENCE_DATA = Set.of(
			"Practitioner", "PractitionerRole", "Organization", "Location", "Medication", "Substance",
			"Questionnaire", "PlanDefinition", "Library", "ActivityDefinition", "ValueSet", "CodeSystem",
			"StructureDefinition", "SearchParameter", "OperationDefinition", "CapabilityStatement", "InsurancePlan");

	/** The parameter naming the patient the data is about, before those naming other participants. */
	private static final List<String> PREFERRED = List.of("patient", "beneficiary", "subject");

	private final FhirContext fhirContext;

	PatientCompartment(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	/** The additions to R4's compartment, as HAPI's rule builder takes them. */
	CompartmentSearchParameterModifications modifications() {
		CompartmentSearchParameterModifications modifications = new CompartmentSearchParameterModifications();
		for (String additional : ADDITIONAL_PARAMS) {
			String[] typeAndParam = additional.split(":");
			modifications.addSPToIncludeInCompartment(typeAndParam[0], typeAndParam[1]);
		}
		return modifications;
	}

	boolean contains(String resourceType) {
		return searchParameter(resourceType).isPresent();
	}

	/** The search parameter that ties a resource of the type to its patient, as a search would use it. */
	Optional<String> searchParameter(String resourceType) {
		if ("Patient".equals(resourceType)) {
			return Optional.of("_id");
		}
		for (String additional : ADDITIONAL_PARAMS) {
			if (additional.startsWith(resourceType + ":")) {
				return Optional.of(additional.substring(resourceType.length() + 1));
			}
		}
		if (!fhirContext.getResourceTypes().contains(resourceType)) {
			return Optional.empty();
		}
		List<RuntimeSearchParam> params =
				fhirContext.getResourceDefinition(resourceType).getSearchParamsForCompartmentName("Patient");
		List<String> names = params.stream().map(RuntimeSearchParam::getName).toList();
		return PREFERRED.stream().filter(names::contains).findFirst().or(() -> names.stream().findFirst());
	}
}
