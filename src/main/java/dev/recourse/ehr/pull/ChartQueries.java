package dev.recourse.ehr.pull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a pull asks the EHR for: the resource types of a patient's chart that coverage criteria and
 * letters draw on, and for Observation only laboratory results and vital signs (surveys and social
 * history would bury the facts that matter). {@code $everything} answers with more; {@link #wanted}
 * keeps the same selection from it.
 */
final class ChartQueries {
	static final String OBSERVATION_CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";
	static final List<String> TYPES = List.of("Coverage", "Condition", "MedicationRequest", "MedicationStatement",
			"MedicationDispense", "MedicationAdministration", "AllergyIntolerance", "Observation", "Procedure",
			"DiagnosticReport", "DocumentReference");
	private static final Set<String> OBSERVATION_CATEGORY_CODES = Set.of("laboratory", "vital-signs");
	private static final Set<String> KEPT = Set.copyOf(concat(TYPES, "Medication"));

	private ChartQueries() {
	}

	/** The search parameters for one type, for the EHR's patient. */
	static Map<String, List<String>> params(String type, String patientId) {
		if (type.equals("Observation")) {
			return Map.of("patient", List.of(patientId), "category",
					List.of(OBSERVATION_CATEGORIES + "|laboratory," + OBSERVATION_CATEGORIES + "|vital-signs"));
		}
		return Map.of("patient", List.of(patientId));
	}

	/** Whether a resource from {@code $everything} belongs in the pull. */
	static boolean wanted(Resource resource) {
		if (!KEPT.contains(resource.fhirType())) {
			return false;
		}
		return !(resource instanceof Observation observation) || isLabOrVital(observation.getCategory());
	}

	private static boolean isLabOrVital(List<CodeableConcept> categories) {
		return categories.stream().flatMap(category -> category.getCoding().stream())
				.anyMatch(coding -> OBSERVATION_CATEGORIES.equals(coding.getSystem()) && OBSERVATION_CATEGORY_CODES.contains(coding.getCode()));
	}

	private static List<String> concat(List<String> list, String more) {
		return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more)).toList();
	}
}
