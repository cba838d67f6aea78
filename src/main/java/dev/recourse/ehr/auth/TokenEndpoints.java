package dev.recourse.ehr.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recourse.ehr.EhrConnection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an EHR's token endpoint is: the one configured with its registration, else the {@code token_endpoint}
 * of its {@code .well-known/smart-configuration}, read once per FHIR base URL and kept.
 */
class TokenEndpoints {
	static final String DISCOVERY_PATH = "/.well-known/smart-configuration";

	private final AuthHttp http;
	private final Map<String, String> discovered = new ConcurrentHashMap<>();

	TokenEndpoints(AuthHttp http) {
		this.http = http;
	}

	String tokenEndpoint(EhrConnection connection, BackendServicesRegistration registration) {
		Optional<String> configured = registration.tokenEndpoint().filter(url -> !url.isBlank());
		if (configured.isPresent()) {
			return configured.get();
		}
		String known = discovered.get(connection.baseUrl());
		if (known != null) {
			return known;
		}
		// Two connections to one EHR may both discover; the answers agree, so no lock is worth holding here.
		String found = discover(connection);
		discovered.put(connection.baseUrl(), found);
		return found;
	}

	/** How messages name the EHR: the Endpoint id and its address, both already known to the caller. */
	static String describe(EhrConnection connection) {
		return "Endpoint/" + connection.endpointId() + " (" + connection.baseUrl() + ")";
	}

	private String discover(EhrConnection connection) {
		String what = "The SMART configuration of " + describe(connection);
		AuthHttp.Target target = new AuthHttp.Target(connection.baseUrl() + DISCOVERY_PATH, "Endpoint.address");
		AuthHttp.Answer answer = http.get(target, what);
		if (answer.redirect()) {
			throw new EhrAuthenticationException(what + " answered with a redirect (HTTP " + answer.status()
					+ "), which is not followed; configure the token endpoint with the registration instead");
		}
		if (!answer.successful()) {
			throw new EhrAuthenticationException(what + " could not be read (HTTP " + answer.status() + ")");
		}
		JsonNode document = answer.json()
				.orElseThrow(() -> new EhrAuthenticationException(what + " is not a JSON object"));
		JsonNode endpoint = document.path("token_endpoint");
		if (!endpoint.isTextual() || endpoint.asText().isBlank()) {
			throw new EhrAuthenticationException(what + " names no token_endpoint");
		}
		return endpoint.asText();
	}
}
