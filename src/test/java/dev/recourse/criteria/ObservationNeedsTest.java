package dev.recourse.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.criteria.PolicyDataRequirements.ObservationNeeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationNeedsTest {
	@Test
	void codesOfEveryPolicyQuery_areGathered_urlDecoded() {
		ObservationNeeds needs = ObservationNeeds.of(List.of(
				"Observation?patient={{%patient.id}}&code=http://loinc.org|13457-7,http://loinc.org|18262-6&_sort=-date",
				"Observation?patient={{%patient.id}}&code=http%3A%2F%2Floinc.org%7C39156-5"));

		assertThat(needs.everyLabOrVital()).isFalse();
		assertThat(needs.codes()).containsExactlyInAnyOrder("http://loinc.org|13457-7", "http://loinc.org|18262-6", "http://loinc.org|39156-5");
	}

	@Test
	void aQueryWithoutPlainCodes_needsEveryLabAndVitalSign() {
		assertThat(ObservationNeeds.of(List.of("Observation?patient={{%patient.id}}&category=laboratory")).everyLabOrVital()).isTrue();
		assertThat(ObservationNeeds.of(List.of("Observation?patient={{%patient.id}}&code:in=http://example.org/vs")).everyLabOrVital()).isTrue();
	}

	@Test
	void noQuery_needsNothing() {
		assertThat(ObservationNeeds.of(List.of()).none()).isTrue();
	}
}
