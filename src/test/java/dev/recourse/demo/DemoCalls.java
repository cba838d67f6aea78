package dev.recourse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;

/**
 * Plain HTTP to the demo instance as its users reach it: tokens from its development issuer (client credentials, as
 * the README's curl lines get them), FHIR requests with a bearer token, answers parsed or checked by status.
 */
final class DemoCalls {
	static final String FHIR_JSON = "application/fhir+json";
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String root;
	private final FhirContext fhirContext;

	/** @param root {@code http://localhost:<port>}, as the demo's own settings name it */
	DemoCalls(String root, FhirContext fhirContext) {
		this.root = root;
		this.fhirContext = fhirContext;
	}

	String root() {
		return root;
	}

	String fhirBase() {
		return root + "/fhir";
	}

	/** A token from the demo's development issuer by client_credentials with a client secret. */
	String token(String client, String secret, String scope) throws Exception {
		String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(root + "/oauth2/token"))
				.header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope.replace(" ", "%20"))));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
	}

	/** GET under {@code root}, e.g. {@code /fhir/Task?…} or {@code /demo-ehr/fhir/Patient/85}; token may be null. */
	HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).header("Accept", FHIR_JSON).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	HttpResponse<String> post(String path, IBaseResource body, String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept", FHIR_JSON).header("Content-Type", FHIR_JSON)
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(body))));
	}

	HttpResponse<String> put(String path, IBaseResource body, String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept", FHIR_JSON).header("Content-Type", FHIR_JSON)
				.header("Authorization", "Bearer " + token)
				.PUT(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(body))));
	}

	/** A FHIR operation with an empty Parameters, expected to answer 200 with a resource of the type. */
	<T extends IBaseResource> T operation(String path, Class<T> answer, String token) throws Exception {
		return ok(post(path, new Parameters(), token), answer);
	}

	<T extends IBaseResource> T read(String path, Class<T> type, String token) throws Exception {
		return ok(get(path, token), type);
	}

	<T extends IBaseResource> T ok(HttpResponse<String> response, Class<T> type) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(type, response.body());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
