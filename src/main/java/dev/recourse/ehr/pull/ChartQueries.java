package dev.recourse.ehr.pull;

import dev.recourse.criteria.PolicyDataRequirements.ObservationNeeds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a pull asks the EHR for: the resource types of a patient's chart that coverage criteria and letters draw on, and
 * of the Observations only those the coverage policies query (by code, US Core's {@code patient}+{@code code} search),
 * or every laboratory result and vital sign when a policy queries them without codes. Surveys, social history and labs
 * no policy asks about stay at the EHR. {@code $everything} answers with more; {@link #wanted} keeps the same selection.
 *
 * @param observations the Observations the policies need
 */
record ChartQueries(ObservationNeeds observations) {
	static final String OBSERVATION_CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";
	/** Every type a pull may ask for. */
	static final List<String> TYPES = List.of("Coverage", "Condition", "MedicationRequest", "MedicationStatement",
			"MedicationDispense", "MedicationAdministration", "AllergyIntolerance", "Observation", "Procedure",
			"DiagnosticReport", "DocumentReference");
	private static final Set<String> OBSERVATION_CATEGORY_CODES = Set.of("laboratory", "vital-signs");
	private static final Set<String> KEPT = Set.copyOf(Stream.concat(TYPES.stream(), Stream.of("Medication")).toList());

	/** The types this pull asks for: Observation only when a policy needs some. */
	List<String> types() {
		return observations.none() ? TYPES.stream().filter(type -> !type.equals("Observation")).toList() : TYPES;
	}

	/** The search parameters for one type, for the EHR's patient. */
	Map<String, List<String>> params(String type, String patientId) {
		if (!type.equals("Observation")) {
			return Map.of("patient", List.of(patientId));
		}
		if (observations.everyLabOrVital()) {
			return Map.of("patient", List.of(patientId), "category",
					List.of(OBSERVATION_CATEGORIES + "|laboratory," + OBSERVATION_CATEGORIES + "|vital-signs"));
		}
		return Map.of("patient", List.of(patientId), "code", List.of(String.join(",", observations.codes())));
	}

	/** Whether a resource from {@code $everything} belongs in the pull. */
	boolean wanted(Resource resource) {
		if (!KEPT.contains(resource.fhirType())) {
			return false;
		}
		if (!(resource instanceof Observation observation)) {
			return true;
		}
		return observations.everyLabOrVital() ? isLabOrVital(observation.getCategory()) : hasNeededCode(observation.getCode());
	}

	private boolean hasNeededCode(CodeableConcept code) {
		return code.getCoding().stream().anyMatch(coding -> observations.codes().contains(coding.getSystem() + "|" + coding.getCode())
				|| observations.codes().contains(coding.getCode()));
	}

	private static boolean isLabOrVital(List<CodeableConcept> categories) {
		return categories.stream().flatMap(category -> category.getCoding().stream())
				.anyMatch(ChartQueries::isLabOrVitalCategory);
	}

	private static boolean isLabOrVitalCategory(Coding coding) {
		return OBSERVATION_CATEGORIES.equals(coding.getSystem()) && OBSERVATION_CATEGORY_CODES.contains(coding.getCode());
	}
}
