package dev.recourse.ehr.pull;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;

/**
 * What came back from the EHR, by type, and what did not.
 *
 * @param byType the resources of each type that was fetched completely; a type that failed is absent
 * @param warnings one per type (or other part) that failed
 * @param usedEverything whether the chart came from {@code Patient/$everything}
 */
record FetchedChart(Map<String, List<Resource>> byType, List<PullWarning> warnings, boolean usedEverything) {
	FetchedChart {
		byType = Map.copyOf(byType);
		warnings = List.copyOf(warnings);
	}

	List<Resource> all() {
		return byType.values().stream().flatMap(List::stream).toList();
	}
}
