package dev.recourse.ehr.pull;

import dev.recourse.criteria.PolicyDataRequirements;
import dev.recourse.ehr.EhrProperties;
import dev.recourse.ehr.client.EhrCallFailed;
import dev.recourse.ehr.client.EhrSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Fetches a patient's chart, as much of it as the coverage policies need ({@link ChartQueries}):
 * {@code Patient/$everything} when the EHR's CapabilityStatement offers it, else one search per type, several types at once. A type that fails becomes a warning and is left
 * out whole, never stored half; then the Medications the medication records point at are read.
 */
@Component
class ChartFetcher {
	private final EhrProperties settings;
	private final PolicyDataRequirements requirements;

	ChartFetcher(EhrProperties settings, PolicyDataRequirements requirements) {
		this.settings = settings;
		this.requirements = requirements;
	}

	FetchedChart fetch(EhrSession session, String patientId) {
		Asked asked = new Asked(patientId, new ChartQueries(requirements.observations()));
		List<PullWarning> warnings = new ArrayList<>();
		AtomicInteger budget = new AtomicInteger(settings.maxResources());
		Map<String, List<Resource>> byType = new LinkedHashMap<>();
		boolean usedEverything = offersEverything(session, warnings) && everything(session, asked, budget, byType, warnings);
		if (!usedEverything) {
			byType.putAll(perType(session, asked, budget, warnings));
		}
		addMedications(session, byType, warnings);
		return new FetchedChart(byType, warnings, usedEverything);
	}

	private static boolean offersEverything(EhrSession session, List<PullWarning> warnings) {
		try {
			return session.capabilities().getRest().stream()
					.flatMap(rest -> rest.getResource().stream())
					.filter(resource -> "Patient".equals(resource.getType()))
					.flatMap(resource -> resource.getOperation().stream())
					.anyMatch(ChartFetcher::isEverything);
		} catch (EhrCallFailed e) {
			warnings.add(PullWarning.general(e.getMessage() + "; searching type by type instead of $everything"));
			return false;
		}
	}

	private static boolean isEverything(CapabilityStatement.CapabilityStatementRestResourceOperationComponent operation) {
		return "everything".equals(operation.getName()) || operation.getDefinition() != null
				&& operation.getDefinition().endsWith("/Patient-everything");
	}

	/** The EHR's patient and what to ask about them. */
	private record Asked(String patientId, ChartQueries queries) {
	}

	private boolean everything(EhrSession session, Asked asked, AtomicInteger budget, Map<String, List<Resource>> into,
			List<PullWarning> warnings) {
		try {
			for (Resource resource : session.everything(asked.patientId(), settings.pageSize(), budget)) {
				if (asked.queries().wanted(resource)) {
					into.computeIfAbsent(resource.fhirType(), type -> new ArrayList<>()).add(resource);
				}
			}
			return true;
		} catch (EhrCallFailed e) {
			warnings.add(PullWarning.general(e.getMessage() + "; searching type by type instead"));
			into.clear();
			budget.set(settings.maxResources());
			return false;
		}
	}

	private Map<String, List<Resource>> perType(EhrSession session, Asked asked, AtomicInteger budget, List<PullWarning> warnings) {
		List<String> types = asked.queries().types();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallelism(), types.size()));
		try {
			Map<String, Future<List<Resource>>> pending = new LinkedHashMap<>();
			for (String type : types) {
				Map<String, List<String>> params = asked.queries().params(type, asked.patientId());
				pending.put(type, pool.submit(() -> session.search(type, params, settings.pageSize(), budget)));
			}
			Map<String, List<Resource>> byType = new LinkedHashMap<>();
			pending.forEach((type, result) -> collect(type, result, byType, warnings));
			return byType;
		} finally {
			pool.shutdownNow();
		}
	}

	private static void collect(String type, Future<List<Resource>> result, Map<String, List<Resource>> into, List<PullWarning> warnings) {
		try {
			into.put(type, result.get());
		} catch (ExecutionException e) {
			String reason = e.getCause() instanceof EhrCallFailed failed ? failed.getMessage() : "it failed unexpectedly";
			warnings.add(PullWarning.about(type, reason + "; no " + type + " was stored"));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			warnings.add(PullWarning.about(type, "The pull was interrupted; no " + type + " was stored"));
		}
	}

	private static void addMedications(EhrSession session, Map<String, List<Resource>> byType, List<PullWarning> warnings) {
		Set<String> have = new LinkedHashSet<>();
		byType.getOrDefault("Medication", List.of()).forEach(medication -> have.add(medication.getIdElement().getIdPart()));
		List<Resource> medications = new ArrayList<>(byType.getOrDefault("Medication", List.of()));
		for (String id : referencedMedications(byType)) {
			if (have.add(id)) {
				try {
					medications.add(session.read("Medication", id));
				} catch (EhrCallFailed e) {
					warnings.add(PullWarning.about("Medication", e.getMessage() + "; records naming Medication/" + id + " were kept without it"));
				}
			}
		}
		if (!medications.isEmpty()) {
			byType.put("Medication", medications);
		}
	}

	private static Set<String> referencedMedications(Map<String, List<Resource>> byType) {
		Set<String> ids = new LinkedHashSet<>();
		for (List<Resource> resources : byType.values()) {
			for (Resource resource : resources) {
				Reference medication = medicationReference(resource);
				if (medication != null && medication.hasReference() && !medication.getReference().startsWith("#")) {
					IdType id = new IdType(medication.getReference());
					if ("Medication".equals(id.getResourceType()) && !id.isAbsolute()) {
						ids.add(id.getIdPart());
					}
				}
			}
		}
		return ids;
	}

	private static Reference medicationReference(Resource resource) {
		if (resource instanceof MedicationRequest request && request.hasMedicationReference()) {
			return request.getMedicationReference();
		}
		if (resource instanceof MedicationStatement statement && statement.hasMedicationReference()) {
			return statement.getMedicationReference();
		}
		if (resource instanceof MedicationDispense dispense && dispense.hasMedicationReference()) {
			return dispense.getMedicationReference();
		}
		if (resource instanceof MedicationAdministration administration && administration.hasMedicationReference()) {
			return administration.getMedicationReference();
		}
		return null;
	}
}
