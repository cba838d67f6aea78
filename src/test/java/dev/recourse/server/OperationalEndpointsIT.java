package dev.recourse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health probes and metrics that an orchestrator and an operator rely on. */
class OperationalEndpointsIT extends FhirIntegrationTest {

	@Test
	void liveness_isUp() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/actuator/health/liveness")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void readiness_includesTheDatabase() throws Exception {
		HttpResponse<String> response =
				send(HttpRequest.newBuilder(URI.create(serverRoot() + "/actuator/health/readiness")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"db\":{\"status\":\"UP\"");
	}

	@Test
	void prometheusMetrics_countFhirRequests() throws Exception {
		send(fhirRequest("/metadata").GET());

		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + adminToken));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("http_server_requests_seconds_count", "hikaricp_connections");
	}
}
