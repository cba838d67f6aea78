package dev.recourse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Logs carry request ids and never what patients' resources say. */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIT extends FhirIntegrationTest {

	@Test
	void requests_areLoggedWithTheirIdButWithoutContentsOrQueries(CapturedOutput output) throws Exception {
		String family = "Hygieia" + System.nanoTime();
		String body = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}],\"birthDate\":\"1957-03-14\"}";

		HttpResponse<String> created = send(fhirRequest("/Patient")
				.header("Content-Type", FHIR_JSON)
				.header("X-Request-ID", "log-hygiene-create")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		send(fhirRequest("/Patient?family=" + family).header("X-Request-ID", "log-hygiene-search").GET());

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("X-Request-ID")).contains("log-hygiene-create");
		// HAPI logs completion after the response is on its way, so the line may trail the answer.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getAll())
				.contains("[log-hygiene-create]", "[log-hygiene-search]"));
		assertThat(output.getAll()).doesNotContain(family, "1957-03-14");
	}

	@Test
	void internalErrors_logTheFailureUnderTheRequestId(CapturedOutput output) throws Exception {
		send(fhirRequest("/$probe-crash").header("X-Request-ID", "log-hygiene-crash").GET());

		await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(output.getAll()).contains("Internal error in request log-hygiene-crash"));
	}

	@Test
	void clientErrors_leaveNoErrorLogOrStackTrace(CapturedOutput output) throws Exception {
		HttpResponse<String> response =
				send(fhirRequest("/Patient?_count=lots").header("X-Request-ID", "log-hygiene-400").GET());
		send(fhirRequest("/ClaimResponse")
				.header("Content-Type", FHIR_JSON)
				.header("X-Request-ID", "log-hygiene-422")
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"ClaimResponse\",\"meta\":{\"profile\":"
						+ "[\"http://recourse.dev/fhir/StructureDefinition/recourse-denial\"]},\"status\":\"active\"}")));

		assertThat(response.statusCode()).isEqualTo(400);
		await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(output.getAll()).contains("[log-hygiene-422]"));
		assertThat(output.getAll().lines().filter(line -> line.contains("[log-hygiene-4")))
				.noneMatch(line -> line.contains("ERROR"));
		assertThat(output.getAll()).doesNotContain("UnprocessableEntityException: ClaimResponse");
	}

	@Test
	void forgedRequestIds_areReplaced() throws Exception {
		HttpResponse<String> response =
				send(fhirRequest("/metadata").header("X-Request-ID", "evil id\tINFO forged").GET());

		assertThat(response.headers().allValues("X-Request-ID")).singleElement().asString().matches("[0-9a-f]{32}");
	}
}
