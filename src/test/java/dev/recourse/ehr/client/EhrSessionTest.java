package dev.recourse.ehr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.ehr.EhrConnection;
import dev.recourse.ehr.EhrProperties;
import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.ehr.fake.FakeEhrOptions;
import dev.recourse.security.guard.OutboundUrlPolicies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The EHR client's resilience against a real (fake) EHR over HTTP, without the server around it. */
class EhrSessionTest {
	private static FakeEhr ehr;
	private static EhrClients clients;

	@BeforeAll
	static void start() {
		ehr = FakeEhr.start(FakeEhrOptions.builder().bundle(FakeEhrOptions.USCORE_PATIENT_85).build());
		EhrProperties settings = new EhrProperties(List.of(), null, 20, 2, 0, 0,
				new EhrProperties.Http(Duration.ofSeconds(1), Duration.ofMillis(500)),
				new EhrProperties.Resilience(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(2), 0, 0, null));
		clients = new EhrClients(settings, null, OutboundUrlPolicies.allowing(ehr.baseUrl()));
	}

	@AfterAll
	static void stop() {
		ehr.close();
	}

	@AfterEach
	void calm() {
		ehr.clearFaults();
		ehr.resetLog();
	}

	private EhrSession session() {
		return clients.open(new EhrConnection("fake", ehr.baseUrl(), Optional.empty()));
	}

	@Test
	void search_followsNextLinksToTheEnd() {
		int expected = ehr.resourcesOf("85", "Observation").size();

		assertThat(session().search("Observation", Map.of("patient", List.of("85")), 20, new AtomicInteger(10_000))).hasSize(expected);
	}

	@Test
	void slowAnswer_timesOutAndIsRetried() {
		ehr.delayNext("Condition", 3, Duration.ofSeconds(1));

		assertThatThrownBy(() -> session().search("Condition", Map.of("patient", List.of("85")), 20, new AtomicInteger(100)))
				.isInstanceOf(EhrCallFailed.class).hasMessageContaining("read timeout").hasMessageContaining("3 attempts");
		assertThat(ehr.requestCount("Condition")).isEqualTo(3);
	}

	@Test
	void malformedAnswer_isNotRetried() {
		ehr.malformedNext("Condition", 1);

		assertThatThrownBy(() -> session().search("Condition", Map.of("patient", List.of("85")), 20, new AtomicInteger(100)))
				.isInstanceOf(EhrCallFailed.class).hasMessageContaining("not valid FHIR JSON");
		assertThat(ehr.requestCount("Condition")).isEqualTo(1);
	}

	@Test
	void budget_stopsASearchThatWouldPassIt() {
		assertThatThrownBy(() -> session().search("Observation", Map.of("patient", List.of("85")), 20, new AtomicInteger(5)))
				.isInstanceOf(EhrCallFailed.class).hasMessageContaining("max-resources");
	}
}
