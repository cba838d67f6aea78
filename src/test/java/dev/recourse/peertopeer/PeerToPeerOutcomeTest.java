package dev.recourse.peertopeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerToPeerOutcomeTest {

	@Test
	void theCodes_areThoseOfThePeerToPeerOutcomeCodeSystem() throws Exception {
		List<String> codes = new ArrayList<>();
		try (InputStream in = getClass().getResourceAsStream("/profiles/CodeSystem-peer-to-peer-outcome.json")) {
			new ObjectMapper().readTree(in).get("concept").forEach(concept -> codes.add(concept.get("code").asText()));
		}
		assertThat(Arrays.stream(PeerToPeerOutcome.values()).map(PeerToPeerOutcome::code)).containsExactlyInAnyOrderElementsOf(codes);
	}

	@Test
	void onlyAFullOverturn_keepsThePeerToPeer() {
		assertThat(Arrays.stream(PeerToPeerOutcome.values()).filter(outcome -> !outcome.spent())).containsExactly(PeerToPeerOutcome.OVERTURNED);
		assertThat(PeerToPeerOutcome.OVERTURNED.caseStage()).isEqualTo("awaiting-written-decision");
	}

	@Test
	void aCodeNotInTheValueSet_isInvalidInputNamingOutcome() {
		assertThatThrownBy(() -> PeerToPeerOutcome.fromCode("won")).isInstanceOfSatisfying(RecourseException.class, e -> {
			assertThat(e.error()).isEqualTo(RecourseError.INVALID_INPUT);
			assertThat(e.element()).isEqualTo("outcome");
		});
	}
}
