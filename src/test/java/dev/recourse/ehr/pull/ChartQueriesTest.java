package dev.recourse.ehr.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.criteria.PolicyDataRequirements.ObservationNeeds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

class ChartQueriesTest {
	private static final String LDL = "http://loinc.org|13457-7";

	@Test
	void observations_areAskedForByThePoliciesCodes() {
		ChartQueries queries = new ChartQueries(new ObservationNeeds(false, Set.of(LDL, "http://loinc.org|39156-5")));

		Map<String, List<String>> params = queries.params("Observation", "85");

		assertThat(params).containsOnlyKeys("patient", "code");
		assertThat(params.get("code").get(0).split(",")).containsExactlyInAnyOrder(LDL, "http://loinc.org|39156-5");
		assertThat(queries.params("Condition", "85")).isEqualTo(Map.of("patient", List.of("85")));
		assertThat(queries.types()).contains("Observation", "Condition");
	}

	@Test
	void fromEverything_onlyObservationsWithANeededCodeAreKept() {
		ChartQueries queries = new ChartQueries(new ObservationNeeds(false, Set.of(LDL, "2089-1")));

		assertThat(queries.wanted(observation("http://loinc.org", "13457-7", "laboratory"))).isTrue();
		assertThat(queries.wanted(observation("http://loinc.org", "2089-1", "laboratory"))).as("a code named without system").isTrue();
		assertThat(queries.wanted(observation("http://loinc.org", "2339-0", "laboratory"))).as("glucose: no policy asks").isFalse();
		assertThat(queries.wanted(new Condition())).isTrue();
	}

	@Test
	void aPolicyQueryingObservationsWithoutCodes_bringsBackEveryLabAndVitalSign() {
		ChartQueries queries = new ChartQueries(new ObservationNeeds(true, Set.of(LDL)));

		assertThat(queries.params("Observation", "85")).containsOnlyKeys("patient", "category");
		assertThat(queries.wanted(observation("http://loinc.org", "2339-0", "laboratory"))).isTrue();
		assertThat(queries.wanted(observation("http://loinc.org", "72166-2", "social-history"))).isFalse();
	}

	@Test
	void noPolicyQueryingObservations_asksForNone() {
		ChartQueries queries = new ChartQueries(new ObservationNeeds(false, Set.of()));

		assertThat(queries.types()).doesNotContain("Observation").contains("Condition", "MedicationRequest");
		assertThat(queries.wanted(observation("http://loinc.org", "13457-7", "laboratory"))).isFalse();
	}

	private static Observation observation(String system, String code, String category) {
		Observation observation = new Observation();
		observation.getCode().addCoding().setSystem(system).setCode(code);
		observation.addCategory().addCoding().setSystem(ChartQueries.OBSERVATION_CATEGORIES).setCode(category);
		return observation;
	}
}
