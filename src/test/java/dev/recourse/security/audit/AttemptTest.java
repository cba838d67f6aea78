package dev.recourse.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AttemptTest {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({
		"GET, /Patient/1, READ, Patient, 1",
		"GET, /Patient/1/_history/2, VREAD, Patient, 1",
		"GET, /Patient/1/_history, HISTORY_INSTANCE, Patient, 1",
		"GET, /Patient/_history, HISTORY_TYPE, Patient, ",
		"GET, /_history, HISTORY_SYSTEM, , ",
		"PUT, /Patient/1, UPDATE, Patient, 1",
		"PATCH, /Patient/1, PATCH, Patient, 1",
		"DELETE, /Patient/1, DELETE, Patient, 1",
		"POST, /Patient, CREATE, Patient, ",
		"PUT, /Patient, UPDATE, Patient, ",
		"DELETE, /Patient, DELETE, Patient, ",
		"GET, /Patient, SEARCH_TYPE, Patient, ",
		"POST, /Patient/_search, SEARCH_TYPE, Patient, ",
		"GET, /, SEARCH_SYSTEM, , ",
		"POST, /, TRANSACTION, , ",
		"POST, /ClaimResponse/$triage, OPERATION, ClaimResponse, ",
		"POST, /ClaimResponse/7/$triage, OPERATION, ClaimResponse, 7",
		"POST, /$reindex, OPERATION, , ",
	})
	void path_isReadAsItsInteraction(String verb, String path, Interaction interaction, String type, String id) {
		Attempt attempt = Attempt.parse(verb, path, null).orElseThrow();

		assertThat(attempt.interaction()).isEqualTo(interaction);
		assertThat(attempt.resourceType()).isEqualTo(Optional.ofNullable(type));
		assertThat(attempt.resourceId()).isEqualTo(Optional.ofNullable(id));
	}

	@Test
	void operation_keepsItsName() {
		assertThat(Attempt.parse("POST", "/ClaimResponse/7/$triage", null).orElseThrow().operation()).contains("$triage");
	}

	@Test
	void query_isKeptForSearchesOnly() {
		assertThat(Attempt.parse("GET", "/Patient", "name=Smith").orElseThrow().query()).contains("name=Smith");
		assertThat(Attempt.parse("DELETE", "/Patient", "identifier=x").orElseThrow().query()).isEmpty();
		assertThat(Attempt.parse("GET", "/Patient/1", "_format=json").orElseThrow().query()).isEmpty();
	}

	@Test
	void capabilityStatementAndWellKnown_areNotAudited() {
		assertThat(Attempt.parse("GET", "/metadata", null)).isEmpty();
		assertThat(Attempt.parse("GET", "/.well-known/smart-configuration", null)).isEmpty();
	}

	@Test
	void requestOutsideTheFhirApi_isNotAudited() {
		MockHttpServletRequest actuator = new MockHttpServletRequest("GET", "/actuator/prometheus");
		MockHttpServletRequest fhirish = new MockHttpServletRequest("GET", "/fhirfoo/Patient");
		MockHttpServletRequest read = new MockHttpServletRequest("GET", "/fhir/Patient/1");

		assertThat(Attempt.of(actuator)).isEmpty();
		assertThat(Attempt.of(fhirish)).isEmpty();
		assertThat(Attempt.of(read)).map(Attempt::interaction).contains(Interaction.READ);
	}
}
