package dev.recourse.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	private final transient SecurityProperties.Smart configured;
	private final transient Optional<DevIssuer> devIssuer;
	private final transient ObjectMapper json;

	SmartConfigurationServlet(SecurityProperties.Smart configured, Optional<DevIssuer> devIssuer, ObjectMapper json) {
		this.configured = configured;
		this.devIssuer = devIssuer;
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
		Map<String, Object> smart = new LinkedHashMap<>();
		if (devIssuer.isPresent()) {
			String issuer = devIssuer.get().issuer(request);
			smart.put("issuer", issuer);
			smart.put("jwks_uri", issuer + "/oauth2/jwks");
			smart.put("token_endpoint", issuer + "/oauth2/token");
			smart.put("introspection_endpoint", issuer + "/oauth2/introspect");
			smart.put("grant_types_supported", List.of("client_credentials"));
			// the development issuer knows only its one confidential client with a shared secret
			smart.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
		} else {
			putIfSet(smart, "issuer", configured.issuer());
			putIfSet(smart, "jwks_uri", configured.jwksUri());
			putIfSet(smart, "authorization_endpoint", configured.authorizationEndpoint());
			putIfSet(smart, "token_endpoint", configured.tokenEndpoint());
			putIfSet(smart, "introspection_endpoint", configured.introspectionEndpoint());
			smart.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
			smart.put("token_endpoint_auth_methods_supported",
					List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
			smart.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384", "RS256"));
		}
		smart.put("scopes_supported", List.of("system/*.cruds", "system/*.rs", "system/AuditEvent.rs",
				"user/*.cruds", "user/*.rs", "patient/*.rs", "patient/*.cruds", "launch", "launch/patient",
				"openid", "fhirUser", "offline_access"));
		smart.put("response_types_supported", List.of("code"));
		smart.put("code_challenge_methods_supported", List.of("S256"));
		smart.put("capabilities", CAPABILITIES);
		return smart;
	}

	private static void putIfSet(Map<String, Object> smart, String key, String value) {
		if (value != null && !value.isBlank()) {
			smart.put(key, value);
		}
	}
}
