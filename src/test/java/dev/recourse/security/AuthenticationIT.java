package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recourse.support.FhirIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may reach the API at all: tokens from trusted issuers only, checked in full. */
class AuthenticationIT extends FhirIntegrationTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void noToken_is401WithOperationOutcomeAndChallenge() throws Exception {
		HttpResponse<String> response = send(anonymousRequest("/Patient"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
		JsonNode outcome = JSON.readTree(response.body());
		assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
		assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("login");
		assertThat(outcome.at("/issue/0/details/coding/0/code").asText()).isEqualTo("unauthorized");
		assertThat(outcome.at("/issue/0/expression/0").asText()).isEqualTo("Authorization");
	}

	@ParameterizedTest
	@ValueSource(strings = {"/metadata", "/.well-known/smart-configuration"})
	void discoveryEndpoints_areOpen(String path) throws Exception {
		assertThat(send(anonymousRequest(path)).statusCode()).isEqualTo(200);
	}

	@Test
	void capabilityStatement_declaresSmartAndItsTokenEndpoint() throws Exception {
		JsonNode security = JSON.readTree(send(anonymousRequest("/metadata")).body()).at("/rest/0/security");
		JsonNode smart = JSON.readTree(send(anonymousRequest("/.well-known/smart-configuration")).body());

		assertThat(security.at("/service/0/coding/0/code").asText()).isEqualTo("SMART-on-FHIR");
		assertThat(security.toString()).contains(SmartCapabilities.OAUTH_URIS, smart.path("token_endpoint").asText());
	}

	@Test
	void healthIsOpen_metricsAreNot() throws Exception {
		assertThat(send(HttpRequest.newBuilder(URI.create(serverRoot() + "/actuator/health/readiness"))).statusCode())
				.isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(URI.create(serverRoot() + "/actuator/prometheus"))).statusCode())
				.isEqualTo(401);
	}

	@Test
	void validToken_isAccepted() throws Exception {
		assertThat(send(fhirRequest("/Patient", tokens.system("system/Patient.rs"))).statusCode()).isEqualTo(200);
	}

	@Test
	void expiredToken_isRejected() throws Exception {
		assertRejected(claims -> claims.put("exp", Instant.now().minus(Duration.ofMinutes(5))));
	}

	@Test
	void tokenWithoutExpiry_isRejected() throws Exception {
		assertRejected(claims -> claims.remove("exp"));
	}

	@Test
	void tokenNotYetValid_isRejected() throws Exception {
		assertRejected(claims -> claims.put("nbf", Instant.now().plus(Duration.ofMinutes(5))));
	}

	@Test
	void tokenForAnotherAudience_isRejected() throws Exception {
		assertRejected(claims -> claims.put("aud", "https://other-server.example.org/fhir"));
	}

	@Test
	void tokenFromUntrustedIssuer_isRejected() throws Exception {
		assertRejected(claims -> claims.put("iss", "https://evil.example.org"));
	}

	@Test
	void tokenSignedWithAnotherKey_isRejected() throws Exception {
		String forged = tokens.withStrangerKey(claims -> {});
		assertThat(send(fhirRequest("/Patient", forged)).statusCode()).isEqualTo(401);
	}

	@Test
	void unsignedToken_isRejected() throws Exception {
		String header = base64("{\"alg\":\"none\"}");
		String payload = base64("{\"iss\":\"" + ISSUER.url() + "\",\"aud\":\"" + fhirBase() + "\",\"scope\":\"system/*.cruds\",\"exp\":"
				+ Instant.now().plusSeconds(600).getEpochSecond() + "}");
		assertThat(send(fhirRequest("/Patient", header + "." + payload + ".")).statusCode()).isEqualTo(401);
	}

	@Test
	void opaqueToken_isIntrospected() throws Exception {
		String token = tokens.opaque(claims -> claims.put("scope", "system/Patient.rs"));

		assertThat(send(fhirRequest("/Patient", token)).statusCode()).isEqualTo(200);
		assertThat(send(fhirRequest("/Observation", token)).statusCode()).isEqualTo(403);
	}

	@Test
	void unknownOpaqueToken_isRejected() throws Exception {
		assertThat(send(fhirRequest("/Patient", "not-a-token-anybody-issued")).statusCode()).isEqualTo(401);
	}

	@Test
	void developmentIssuer_clientCredentials_givesAWorkingSystemToken() throws Exception {
		JsonNode smart = JSON.readTree(send(anonymousRequest("/.well-known/smart-configuration")).body());
		String tokenEndpoint = smart.path("token_endpoint").asText();
		String basic = Base64.getEncoder().encodeToString("recourse-dev:recourse-dev-secret".getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> tokenResponse = send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=system/*.cruds")));

		assertThat(tokenResponse.statusCode()).isEqualTo(200);
		String accessToken = JSON.readTree(tokenResponse.body()).path("access_token").asText();
		assertThat(send(fhirRequest("/Patient", accessToken)).statusCode()).isEqualTo(200);
		assertThat(smart.path("capabilities").toString()).contains("permission-v2");
	}

	@Test
	void developmentIssuer_wrongSecret_getsNoToken() throws Exception {
		JsonNode smart = JSON.readTree(send(anonymousRequest("/.well-known/smart-configuration")).body());
		String basic = Base64.getEncoder().encodeToString("recourse-dev:guess".getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> tokenResponse = send(HttpRequest.newBuilder(URI.create(smart.path("token_endpoint").asText()))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

		assertThat(tokenResponse.statusCode()).isEqualTo(401);
	}

	@Test
	void cors_allowsConfiguredOriginOnly() throws Exception {
		HttpResponse<String> allowed = send(preflight(APP_ORIGIN));
		HttpResponse<String> other = send(preflight("https://evil.example.org"));

		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP_ORIGIN);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpRequest.Builder preflight(String origin) {
		return HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "authorization");
	}

	private void assertRejected(Consumer<Map<String, Object>> change) throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Patient", tokens.jwt(change)));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("unauthorized");
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
