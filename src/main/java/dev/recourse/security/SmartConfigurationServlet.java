package dev.recourse.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * {@code /fhir/.well-known/smart-configuration} (SMART App Launch 2.2 §Conformance): where clients get
 * tokens and what they may ask for. With the development issuer the endpoints are this server's own;
 * otherwise they are the configured authorization server's.
 */
final class SmartConfigurationServlet extends HttpServlet {
	static final String PATH = "/fhir/.well-known/smart-configuration";
	private static final List<String> CAPABILITIES = List.of(
			"client-confidential-symmetric",
			"permission-v1",
			"permission-v2",
			"context-ehr-patient",
			"context-standalone-patient");
	/**
	 * No {@code context-standalone-patient}: the development issuer has no patient picker, so a standalone launch
	 * gets no patient; patient context comes from its EHR launcher only.
	 */
	private static final List<String> DEV_ISSUER_CAPABILITIES = List.of(
			"launch-ehr",
			"launch-standalone",
			"context-ehr-patient",
			"sso-openid-connect",
			"permission-user",
			"permission-patient",
			"permission-v1",
			"permission-v2");

	private final transient SecurityProperties.Smart configured;
	private final transient Optional<DevIssuer> devIssuer;
	/** What the development issuer's clients support: they are fixed at start-up, so this is worked out once. */
	private final transient Map<String, Object> devIssuerClients;
	private final transient ObjectMapper json;

	SmartConfigurationServlet(SecurityProperties.Smart configured, Optional<DevIssuer> devIssuer, ObjectMapper json) {
		this.configured = configured;
		this.devIssuer = devIssuer;
		this.devIssuerClients = devIssuer.map(issuer -> clientSupport(issuer.clients())).orElse(Map.of());
		this.json = json;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "max-age=300");
		json.writeValue(response.getOutputStream(), configuration(request));
	}

	Map<String, Object> configuration(HttpServletRequest request) {
		if (devIssuer.isPresent()) {
			return devIssuerConfiguration(devIssuer.get().issuer(request));
		}
		Map<String, Object> smart = new LinkedHashMap<>();
		putIfSet(smart, "issuer", configured.issuer());
		putIfSet(smart, "jwks_uri", configured.jwksUri());
		putIfSet(smart, "authorization_endpoint", configured.authorizationEndpoint());
		putIfSet(smart, "token_endpoint", configured.tokenEndpoint());
		putIfSet(smart, "introspection_endpoint", configured.introspectionEndpoint());
		smart.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
		smart.put("token_endpoint_auth_methods_supported",
				List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
		smart.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384", "RS256"));
		smart.put("scopes_supported", List.of("system/*.cruds", "system/*.rs", "system/AuditEvent.rs",
				"user/*.cruds", "user/*.rs", "patient/*.rs", "patient/*.cruds", "launch", "launch/patient",
				"openid", "fhirUser", "offline_access"));
		smart.put("response_types_supported", List.of("code"));
		smart.put("code_challenge_methods_supported", List.of("S256"));
		smart.put("capabilities", CAPABILITIES);
		return smart;
	}

	/**
	 * This server's own endpoints, and grants, client authentication methods and scopes as its registered clients
	 * have them, so what is advertised is what works (a client the demo adds shows up too).
	 */
	private Map<String, Object> devIssuerConfiguration(String issuer) {
		Map<String, Object> smart = new LinkedHashMap<>();
		smart.put("issuer", issuer);
		smart.put("jwks_uri", issuer + "/oauth2/jwks");
		smart.put("authorization_endpoint", issuer + "/oauth2/authorize");
		smart.put("token_endpoint", issuer + "/oauth2/token");
		smart.put("introspection_endpoint", issuer + "/oauth2/introspect");
		smart.put("revocation_endpoint", issuer + "/oauth2/revoke");
		smart.put("userinfo_endpoint", issuer + "/userinfo");
		smart.putAll(devIssuerClients);
		return smart;
	}

	private static Map<String, Object> clientSupport(List<RegisteredClient> clients) {
		Map<String, Object> smart = new LinkedHashMap<>();
		smart.put("grant_types_supported", union(clients, client -> client.getAuthorizationGrantTypes().stream()
				.map(AuthorizationGrantType::getValue)));
		smart.put("token_endpoint_auth_methods_supported", union(clients, client -> client.getClientAuthenticationMethods()
				.stream().map(ClientAuthenticationMethod::getValue)));
		smart.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "RS384", "ES256", "ES384"));
		smart.put("scopes_supported", union(clients, client -> client.getScopes().stream()));
		smart.put("response_types_supported", List.of("code"));
		smart.put("code_challenge_methods_supported", List.of("S256"));
		List<String> capabilities = new ArrayList<>(DEV_ISSUER_CAPABILITIES);
		capabilities.addAll(union(clients, client -> client.getClientAuthenticationMethods().stream()
				.map(SmartConfigurationServlet::clientKind)));
		smart.put("capabilities", List.copyOf(capabilities));
		return Collections.unmodifiableMap(smart);
	}

	/** SMART's client capability for a way a registered client authenticates. */
	private static String clientKind(ClientAuthenticationMethod method) {
		if (ClientAuthenticationMethod.NONE.equals(method)) {
			return "client-public";
		}
		return ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method)
				? "client-confidential-asymmetric"
				: "client-confidential-symmetric";
	}

	private static List<String> union(List<RegisteredClient> clients, Function<RegisteredClient, Stream<String>> values) {
		return clients.stream().flatMap(values).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
	}

	private static void putIfSet(Map<String, Object> smart, String key, String value) {
		if (value != null && !value.isBlank()) {
			smart.put(key, value);
		}
	}
}
