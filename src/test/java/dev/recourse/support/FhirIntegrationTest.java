package dev.recourse.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.recourse.submission.fake.FakePayer;
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
			// under the request limit, so an attachment over it reaches the attachment check (EvidenceAttachIT)
			"recourse.evidence.max-attachment-bytes=65536",
			"recourse.limits.max-page-size=50",
			"recourse.fhir.expunge-enabled=true",
			"recourse.demo.enabled=false",
			"recourse.security.payer-clients=" + TestTokens.PAYER_CLIENT,
			"recourse.security.cors-allowed-origins=" + FhirIntegrationTest.APP_ORIGIN,
			"recourse.ehr.page-size=50",
			"recourse.ehr.http.read-timeout=2s",
			"recourse.ehr.resilience.initial-backoff=50ms",
			"recourse.ehr.resilience.max-backoff=400ms",
			"recourse.ehr.resilience.max-retry-after=3s",
			// the tests' PostgreSQL is thrown away after the run: the development issuer may run on it
			"recourse.security.dev-issuer.allow-postgres=true"
		})
@AutoConfigureObservability
@Import(ErrorProbeProvider.class)
public abstract class FhirIntegrationTest {
	protected static final String FHIR_JSON = "application/fhir+json";
	protected static final String APP_ORIGIN = "https://app.recourse.test";
	/** The one place the server may call out to in tests (never called: nothing listens there). */
	protected static final String ALLOWED_HOOKS = "https://hooks.recourse.test/callbacks";
	/** What the default {@link #client} may do: everything, including reading the audit trail. */
	protected static final String[] ADMIN_SCOPES = {"system/*.cruds", "system/AuditEvent.rs"};
	protected static final TestTokenIssuer ISSUER = TestTokenIssuer.start();
	/** The EHRs the server reads from (see {@link TestEhrs}): real FHIR servers on random ports. */
	protected static final TestEhrs EHRS = TestEhrs.start();
	/** The payer {@code $submit} sends to (see {@link TestPayers}): PAS Claim/$submit and $inquire on a random port. */
	protected static final FakePayer PAYER = TestPayers.start();
	/** Rest-hook endpoints Subscription notifications are delivered to (see {@link HookReceiver}), on the allow-list. */
	protected static final HookReceiver HOOKS = HookReceiver.start();
	/** In front of the payer Recourse instance ({@link TestInstances#payer()}), the address the second configured payer has. */
	protected static final FaultProxy PAYER_PROXY = FaultProxy.start();
	/**
	 * In front of this server's own decision-notice receiver: the public base URL it gives payers (so a payer instance
	 * reaches it, and tests can take it down); forwards once a test names the server's port.
	 */
	protected static final FaultProxy NOTICE_PROXY = FaultProxy.start();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected FhirContext fhirContext;

	/** A backend-service client with {@link #ADMIN_SCOPES}. */
	protected IGenericClient client;

	protected TestTokens tokens;

	protected String adminToken;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		providerProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * The shared server's database, issuer, EHRs, payers and signing keys: what a second provider instance on the same
	 * database ({@link TestInstances#secondProvider()}) is configured with too.
	 */
	static Map<String, String> providerProperties() {
		Map<String, String> properties = new LinkedHashMap<>(TestDatabase.datasourceProperties());
		properties.put("recourse.security.issuers[0].issuer", ISSUER.url());
		properties.put("recourse.security.issuers[0].jwk-set-uri", ISSUER.jwksUrl());
		properties.put("recourse.security.introspection.uri", ISSUER.introspectionUrl());
		properties.put("recourse.security.introspection.client-id", TestTokenIssuer.INTROSPECTION_CLIENT);
		properties.put("recourse.security.introspection.client-secret", TestTokenIssuer.INTROSPECTION_SECRET);
		properties.put("recourse.security.outbound-allowed-urls",
				String.join(",", EHRS.allowedUrls(ALLOWED_HOOKS, PAYER.baseUrl(), PAYER_PROXY.root() + "/fhir", ISSUER.tokenUrl(), HOOKS.baseUrl())));
		properties.put("recourse.ehr.keystore.path", "classpath:ehr/ehr-client.p12");
		properties.put("recourse.ehr.keystore.password", "test-only-changeit");
		properties.putAll(EHRS.endpointProperties());
		properties.putAll(TestPayers.properties(PAYER, PAYER_PROXY, ISSUER));
		properties.put("recourse.submission.decision-notices.public-base-url", NOTICE_PROXY.root());
		return properties;
	}

	@BeforeEach
	void connectClient() {
		fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		// operations that wait on a misbehaving EHR (timeouts times retries) take longer than HAPI's 10 s default
		if (fhirContext.getRestfulClientFactory().getSocketTimeout() != 60_000) {
			fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
		}
		tokens = new TestTokens(ISSUER, fhirBase());
		adminToken = tokens.system(ADMIN_SCOPES);
		client = clientWith(adminToken);
	}

	/** A FHIR client that sends this bearer token. */
	protected IGenericClient clientWith(String token) {
		return clientWith(fhirBase(), token);
	}

	/** A FHIR client of another server (another Recourse instance) that sends this bearer token. */
	protected IGenericClient clientWith(String base, String token) {
		IGenericClient authenticated = fhirContext.newRestfulGenericClient(base);
		authenticated.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return authenticated;
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

	/** The FHIRPath the first issue of a refusal names (the element at fault), or null when it names none. */
	protected String refusedElement(HttpResponse<String> response) {
		org.hl7.fhir.r4.model.OperationOutcome outcome = fhirContext.newJsonParser()
				.parseResource(org.hl7.fhir.r4.model.OperationOutcome.class, response.body());
		return outcome.getIssueFirstRep().getExpression().isEmpty() ? null : outcome.getIssueFirstRep().getExpression().get(0).getValue();
	}

	/** A request to the FHIR API as the admin backend service. */
	protected HttpRequest.Builder fhirRequest(String path) {
		return fhirRequest(path, adminToken);
	}

	protected HttpRequest.Builder fhirRequest(String path, String token) {
		return anonymousRequest(path).header("Authorization", "Bearer " + token);
	}

	/** A request to the FHIR API without credentials. */
	protected HttpRequest.Builder anonymousRequest(String path) {
		return HttpRequest.newBuilder(URI.create(fhirBase() + path)).header("Accept", FHIR_JSON);
	}
}
