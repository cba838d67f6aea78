package dev.recourse.ehr.fake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The fake EHR's chart: resources by type and id, in the order they were added (so searches page stably).
 * Thread-safe; resources go in and come out as copies, so nobody outside can change what is stored.
 */
final class ChartStore {
	/** Where each searchable type names its patient: R4's {@code patient} search parameter. */
	private static final Map<String, String> PATIENT_PATHS = Map.of("Coverage", "beneficiary", "AllergyIntolerance", "patient");

	private final FhirContext fhir;
	private final Map<String, Map<String, Resource>> byType = new LinkedHashMap<>();

	ChartStore(FhirContext fhir) {
		this.fhir = fhir;
	}

	/** Stores a copy under its id (a new uuid when it has none) and answers {@code Type/id}. */
	synchronized String put(IBaseResource resource) {
		Resource copy = ((Resource) resource).copy();
		String type = fhir.getResourceType(copy);
		String id = copy.getIdElement().hasIdPart() ? copy.getIdElement().getIdPart() : UUID.randomUUID().toString();
		copy.setId(new IdType(type, id));
		byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, copy);
		return type + "/" + id;
	}

	synchronized Optional<IBaseResource> read(String type, String id) {
		Resource stored = byType.getOrDefault(type, Map.of()).get(id);
		return Optional.ofNullable(stored == null ? null : stored.copy());
	}

	synchronized List<IBaseResource> find(String type, Predicate<IBaseResource> filter) {
		List<IBaseResource> found = new ArrayList<>();
		for (Resource resource : byType.getOrDefault(type, Map.of()).values()) {
			if (filter.test(resource)) {
				found.add(resource.copy());
			}
		}
		return found;
	}

	FhirTerser terser() {
		return fhir.newTerser();
	}

	synchronized Set<String> types() {
		return Set.copyOf(byType.keySet());
	}

	/** Resources of a type whose {@code patient} search parameter points at the patient. */
	List<IBaseResource> ofPatient(String type, String patientId) {
		return find(type, resource -> belongsTo(resource, patientId));
	}

	boolean belongsTo(IBaseResource resource, String patientId) {
		String type = fhir.getResourceType(resource);
		String path = type + "." + PATIENT_PATHS.getOrDefault(type, "subject");
		return fhir.newTerser().getValues(resource, path, IBaseReference.class).stream()
				.anyMatch(reference -> pointsAt(reference, patientId));
	}

	/** The patient, then every resource with any reference to the patient, in store order. */
	synchronized List<IBaseResource> everything(String patientId) {
		List<IBaseResource> found = new ArrayList<>();
		read("Patient", patientId).ifPresent(found::add);
		FhirTerser terser = fhir.newTerser();
		for (Map<String, Resource> resources : byType.values()) {
			for (Resource resource : resources.values()) {
				boolean linked = terser.getAllPopulatedChildElementsOfType(resource, IBaseReference.class).stream()
						.anyMatch(reference -> pointsAt(reference, patientId));
				if (linked) {
					found.add(resource.copy());
				}
			}
		}
		return found;
	}

	Optional<String> patientIdByIdentifier(String system, String value) {
		return find("Patient", resource -> hasIdentifier((Patient) resource, system, value)).stream()
				.map(patient -> patient.getIdElement().getIdPart())
				.findFirst();
	}

	static boolean hasIdentifier(Patient patient, String system, String value) {
		for (Identifier identifier : patient.getIdentifier()) {
			boolean systemMatches = system == null || system.isEmpty() || system.equals(identifier.getSystem());
			if (systemMatches && value.equals(identifier.getValue())) {
				return true;
			}
		}
		return false;
	}

	/** Clones the patient's resources of a type, round robin, under fresh ids; answers the new ids. */
	synchronized List<String> addCopies(String patientId, String type, int count) {
		List<IBaseResource> templates = ofPatient(type, patientId);
		if (templates.isEmpty()) {
			throw new IllegalArgumentException("patient " + patientId + " has no " + type + " to copy");
		}
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Resource copy = ((Resource) templates.get(i % templates.size())).copy();
			copy.setId(new IdType(type, UUID.randomUUID().toString()));
			put(copy);
			ids.add(copy.getIdElement().getIdPart());
		}
		return ids;
	}

	private static boolean pointsAt(IBaseReference reference, String patientId) {
		var target = reference.getReferenceElement();
		return "Patient".equals(target.getResourceType()) && patientId.equals(target.getIdPart());
	}
}
