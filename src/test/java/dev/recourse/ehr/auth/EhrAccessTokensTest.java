package dev.recourse.ehr.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.security.guard.OutboundUrlPolicies;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EhrAccessTokensTest {
	private static final String RS384 = "recourse-rs384";
	private static final String ES384 = "recourse-es384";

	private final MutableClock clock = new MutableClock();
	private FakeAuthorizationServer ehr;
	private EhrAccessTokens tokens;

	@BeforeEach
	void start() throws IOException {
		ehr = new FakeAuthorizationServer();
		tokens = tokens(SigningKeysTest.KEYSTORE, ehr.origin());
	}

	@AfterEach
	void stop() {
		ehr.close();
	}

	private EhrAccessTokens tokens(String keystore, String... allowedUrls) {
		return new EhrAccessTokens(SigningKeysTest.keys(keystore), OutboundUrlPolicies.allowing(allowedUrls), clock);
	}

	private EhrConnection connection(String alias) {
		return connection(ehr.fhirBase(), alias, Optional.empty());
	}

	private static EhrConnection connection(String baseUrl, String alias, Optional<String> tokenEndpoint) {
		return new EhrConnection("ehr-1", baseUrl, Optional.of(new BackendServicesRegistration(
				FakeAuthorizationServer.CLIENT_ID, FakeAuthorizationServer.SCOPE, alias, tokenEndpoint)));
	}

	@Test
	void rs384Key_getsATokenFromTheDiscoveredTokenEndpoint() {
		assertThat(tokens.accessToken(connection(RS384))).isEqualTo("token-1");

		assertThat(ehr.algorithms).containsExactly(JWSAlgorithm.RS384);
		assertThat(ehr.paths).containsExactly("/fhir/.well-known/smart-configuration", "/token");
	}

	@Test
	void es384Key_getsAToken() {
		assertThat(tokens.accessToken(connection(ES384))).isEqualTo("token-1");

		assertThat(ehr.algorithms).containsExactly(JWSAlgorithm.ES384);
	}

	@Test
	void manyCalls_shareOneTokenRequestAndOneDiscovery() {
		EhrConnection connection = connection(RS384);

		IntStream.range(0, 20).forEach(i -> assertThat(tokens.accessToken(connection)).isEqualTo("token-1"));

		assertThat(ehr.paths).hasSize(2);
	}

	@Test
	void eightConcurrentCallers_triggerOneTokenRequest() throws Exception {
		ehr.tokenDelay = Duration.ofMillis(300);
		EhrConnection connection = connection(ES384);
		CountDownLatch go = new CountDownLatch(1);
		Callable<String> caller = () -> {
			go.await();
			return tokens.accessToken(connection);
		};
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> answers = IntStream.range(0, 8).mapToObj(i -> pool.submit(caller)).toList();
			go.countDown();
			for (Future<String> answer : answers) {
				assertThat(answer.get()).isEqualTo("token-1");
			}
		} finally {
			pool.shutdownNow();
		}
		assertThat(ehr.requestsTo("/token")).isEqualTo(1);
		assertThat(ehr.requestsTo("/fhir/.well-known/smart-configuration")).isEqualTo(1);
	}

	@Test
	void token_isRenewedSixtySecondsBeforeExpiry() {
		EhrConnection connection = connection(RS384);
		assertThat(tokens.accessToken(connection)).isEqualTo("token-1");

		clock.advance(Duration.ofSeconds(239));
		assertThat(tokens.accessToken(connection)).isEqualTo("token-1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(tokens.accessToken(connection)).isEqualTo("token-2");
		assertThat(ehr.requestsTo("/fhir/.well-known/smart-configuration")).isEqualTo(1);
	}

	@Test
	void tokenWithoutExpiresIn_livesFiveMinutes() {
		ehr.tokenBodyTemplate = "{\"access_token\":\"%s\",\"token_type\":\"bearer\"}";
		EhrConnection connection = connection(RS384);
		tokens.accessToken(connection);

		clock.advance(Duration.ofSeconds(239));
		assertThat(tokens.accessToken(connection)).isEqualTo("token-1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(tokens.accessToken(connection)).isEqualTo("token-2");
	}

	@Test
	void rejected_dropsTheToken_butNotOneThatAlreadyReplacedIt() {
		EhrConnection connection = connection(RS384);
		String first = tokens.accessToken(connection);

		tokens.rejected(connection, first);
		assertThat(tokens.accessToken(connection)).isEqualTo("token-2");
		tokens.rejected(connection, first);
		assertThat(tokens.accessToken(connection)).isEqualTo("token-2");
		assertThat(ehr.requestsTo("/token")).isEqualTo(2);
	}

	@Test
	void configuredTokenEndpoint_skipsDiscovery() {
		EhrConnection connection = connection(ehr.fhirBase(), ES384, Optional.of(ehr.tokenUrl()));

		assertThat(tokens.accessToken(connection)).isEqualTo("token-1");
		assertThat(ehr.paths).containsExactly("/token");
	}

	@Test
	void unregisteredKey_isRefusedAsInvalidClient_andTheMessageCarriesNoAssertion() {
		EhrAccessTokens stranger = tokens(SigningKeysTest.STRANGER, ehr.origin());

		assertThatThrownBy(() -> stranger.accessToken(connection(RS384)))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessageContaining("refused the token request (HTTP 401): invalid_client — signature invalid in [client assertion]")
				.hasMessageContaining("Endpoint/ehr-1")
				.hasMessageNotContaining(ehr.assertions.get(0))
				.hasMessageNotContaining(SigningKeysTest.PASSWORD);
	}

	@Test
	void discoveryWithoutTokenEndpoint_saysSo() {
		ehr.discoveryBody = "{\"capabilities\":[]}";

		assertThatThrownBy(() -> tokens.accessToken(connection(RS384)))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessage("The SMART configuration of Endpoint/ehr-1 (" + ehr.fhirBase() + ") names no token_endpoint");
		assertThat(ehr.requestsTo("/token")).isZero();
	}

	@Test
	void discoveryThatIsNotJson_saysSo() {
		ehr.discoveryBody = "<html>sign in</html>";

		assertThatThrownBy(() -> tokens.accessToken(connection(RS384)))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessageEndingWith("is not a JSON object");
	}

	@Test
	void unreachableEhr_saysSo() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String base = "http://127.0.0.1:" + closedPort + "/fhir";
		EhrAccessTokens closed = tokens(SigningKeysTest.KEYSTORE, base);

		assertThatThrownBy(() -> closed.accessToken(connection(base, RS384, Optional.empty())))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessageContaining("The SMART configuration of Endpoint/ehr-1")
				.hasMessageContaining("could not be reached");
	}

	@Test
	void discoveredTokenEndpointOutsideThePolicy_isNotCalled() {
		EhrAccessTokens fhirOnly = tokens(SigningKeysTest.KEYSTORE, ehr.fhirBase());

		assertThatThrownBy(() -> fhirOnly.accessToken(connection(RS384)))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessageContaining("was not called: token_endpoint is refused by the outbound URL policy");
		assertThat(ehr.paths).containsExactly("/fhir/.well-known/smart-configuration");
	}

	@Test
	void configuredTokenEndpointOutsideThePolicy_sendsNothing() {
		EhrAccessTokens elsewhere = tokens(SigningKeysTest.KEYSTORE, "https://ehr.example.org/");

		assertThatThrownBy(() -> elsewhere.accessToken(connection(ehr.fhirBase(), RS384, Optional.of(ehr.tokenUrl()))))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessageContaining("token_endpoint is refused by the outbound URL policy");
		assertThat(ehr.paths).isEmpty();
	}

	@Test
	void redirectFromTheTokenEndpoint_isNotFollowed() {
		EhrConnection connection = connection(ehr.fhirBase(), RS384, Optional.of(ehr.fhirBase() + "/redirect"));

		assertThatThrownBy(() -> tokens.accessToken(connection))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessageContaining("answered with a redirect (HTTP 302), which is not followed");
		assertThat(ehr.paths).containsExactly("/fhir/redirect");
	}

	@Test
	void tokenTypeOtherThanBearer_isRefused() {
		ehr.tokenBodyTemplate = "{\"access_token\":\"%s\",\"token_type\":\"N_A\",\"expires_in\":300}";

		assertThatThrownBy(() -> tokens.accessToken(connection(RS384)))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessageEndingWith("issued a token whose token_type is not Bearer")
				.hasMessageNotContaining("token-1");
	}

	@Test
	void connectionWithoutRegistration_isAProgrammingError() {
		EhrConnection open = new EhrConnection("open", ehr.fhirBase(), Optional.empty());

		assertThatThrownBy(() -> tokens.accessToken(open)).isInstanceOf(IllegalArgumentException.class);
	}
}
