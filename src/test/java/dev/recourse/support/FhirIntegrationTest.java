package dev.recourse.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: one Recourse server per test JVM on a random port, on the database
 * {@link TestDatabase} chooses, reached over real HTTP. Every subclass shares the one Spring context,
 * so keep the annotations here and nowhere else.
 */
@SpringBootTest(
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			"recourse.limits.max-request-bytes=262144",
			"recourse.limits.max-page-size=50",
			"recourse.fhir.expunge-enabled=true",
			"recourse.demo.enabled=false"
		})
@AutoConfigureObservability
@Import(ErrorProbeProvider.class)
public abstract class FhirIntegrationTest {
	protected static final String FHIR_JSON = "application/fhir+json";
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected FhirContext fhirContext;

	protected IGenericClient client;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.datasourceProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@BeforeEach
	void connectClient() {
		fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		client = fhirContext.newRestfulGenericClient(fhirBase());
	}

	protected String fhirBase() {
		return "http://localhost:" + port + "/fhir";
	}

	protected String serverRoot() {
		return "http://localhost:" + port;
	}

	/** A plain HTTP exchange, for what the FHIR client hides: status codes, headers, raw bodies. */
	protected static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	protected HttpRequest.Builder fhirRequest(String path) {
		return HttpRequest.newBuilder(URI.create(fhirBase() + path)).header("Accept", FHIR_JSON);
	}
}
