package dev.recourse.bench;

import dev.recourse.ehr.fake.FakeEhr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * Grows US Core patient 85 in the fake EHR from about a hundred pulled resources to over a thousand, in a mix like
 * a long chronic history: mostly lab results and vital signs, then reports, problems, orders, procedures and notes.
 * The fixture's Observations are mostly social history and surveys, which a pull leaves behind, so Observations are
 * grown from its laboratory and vital-signs ones only; the other types are cloned round robin.
 */
final class PullChart {
	static final String PATIENT = "85";
	/** Extra copies per type, on top of the fixture's own. */
	static final Map<String, Integer> EXTRA = extra();
	private static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";

	private PullChart() {}

	private static Map<String, Integer> extra() {
		Map<String, Integer> extra = new LinkedHashMap<>();
		extra.put("Observation", 500);
		extra.put("DiagnosticReport", 130);
		extra.put("Condition", 100);
		extra.put("MedicationRequest", 100);
		extra.put("Procedure", 50);
		extra.put("DocumentReference", 50);
		return extra;
	}

	static void grow(FakeEhr ehr) {
		EXTRA.forEach((type, count) -> {
			if (type.equals("Observation")) {
				addLabsAndVitals(ehr, count);
			} else {
				ehr.addCopies(PATIENT, type, count);
			}
		});
	}

	private static void addLabsAndVitals(FakeEhr ehr, int count) {
		List<Observation> templates = ehr.resourcesOf(PATIENT, "Observation").stream()
				.map(Observation.class::cast).filter(PullChart::isLabOrVital).toList();
		if (templates.isEmpty()) {
			throw new IllegalStateException("patient " + PATIENT + " has no lab or vital-signs Observation to copy");
		}
		IBaseResource[] copies = new IBaseResource[count];
		for (int i = 0; i < count; i++) {
			Resource copy = templates.get(i % templates.size()).copy();
			copy.setId((String) null); // the fake gives each a fresh uuid
			copies[i] = copy;
		}
		ehr.add(copies);
	}

	private static boolean isLabOrVital(Observation observation) {
		return observation.getCategory().stream().flatMap(category -> category.getCoding().stream())
				.anyMatch(coding -> CATEGORIES.equals(coding.getSystem())
						&& (coding.getCode().equals("laboratory") || coding.getCode().equals("vital-signs")));
	}
}
