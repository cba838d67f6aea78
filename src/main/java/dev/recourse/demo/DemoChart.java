package dev.recourse.demo;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * What the demo EHR holds: resources by type and id, in file order, replaced as a whole when the demo loads (so a
 * reader sees one load or the other, never half of one). Resources go out as copies.
 */
@Component
@Conditional(DemoCondition.class)
class DemoChart {
	/** Where a type names its patient, as R4's {@code patient} search parameter has it; {@code subject} otherwise. */
	private static final Map<String, String> PATIENT_ELEMENT = Map.of("Coverage", "beneficiary", "AllergyIntolerance", "patient");
	private final FhirContext fhirContext = FhirContext.forR4Cached();
	private volatile Map<String, Map<String, Resource>> byType = Map.of();

	void replace(List<Resource> resources) {
		Map<String, Map<String, Resource>> loaded = new LinkedHashMap<>();
		for (Resource resource : resources) {
			loaded.computeIfAbsent(resource.fhirType(), type -> new LinkedHashMap<>()).put(resource.getIdElement().getIdPart(), resource.copy());
		}
		byType = loaded;
	}

	Optional<Resource> read(String type, String id) {
		return Optional.ofNullable(byType.getOrDefault(type, Map.of()).get(id)).map(Resource::copy);
	}

	List<Resource> find(String type, Predicate<Resource> filter) {
		return byType.getOrDefault(type, Map.of()).values().stream().filter(filter).map(Resource::copy).toList();
	}

	/** Whether the resource's patient element (see {@link #PATIENT_ELEMENT}) points at {@code Patient/<patientId>}. */
	boolean belongsTo(Resource resource, String patientId) {
		String path = resource.fhirType() + "." + PATIENT_ELEMENT.getOrDefault(resource.fhirType(), "subject");
		return fhirContext.newTerser().getValues(resource, path, IBaseReference.class).stream().anyMatch(reference ->
				"Patient".equals(reference.getReferenceElement().getResourceType()) && patientId.equals(reference.getReferenceElement().getIdPart()));
	}

	static boolean hasIdentifier(Patient patient, String system, String value) {
		return patient.getIdentifier().stream().anyMatch(identifier ->
				(system == null || system.isEmpty() || system.equals(identifier.getSystem())) && value.equals(identifier.getValue()));
	}

	/** The resource's {@code category} codes, for types that have them (Observation, Condition, DocumentReference…). */
	List<CodeableConcept> categories(Resource resource) {
		return concepts(resource, "category");
	}

	/** The resource's {@code code} (Observation, Condition…), empty for a type without one. */
	List<CodeableConcept> codes(Resource resource) {
		return concepts(resource, "code");
	}

	private List<CodeableConcept> concepts(Resource resource, String element) {
		if (fhirContext.getResourceDefinition(resource).getChildByName(element) == null) {
			return List.of();
		}
		return fhirContext.newTerser().getValues(resource, resource.fhirType() + "." + element).stream()
				.filter(CodeableConcept.class::isInstance).map(CodeableConcept.class::cast).toList();
	}
}
