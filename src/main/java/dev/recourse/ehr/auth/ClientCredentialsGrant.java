package dev.recourse.ehr.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recourse.ehr.EhrConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One token request: sign an assertion → POST {@code client_credentials} to the token endpoint → read the
 * bearer token and its lifetime. Every failure message names the EHR and the step, and never carries the
 * assertion or a token.
 */
class ClientCredentialsGrant {
	// RFC 6749 makes expires_in optional; SMART servers mostly issue five-minute tokens, so assume no more.
	static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
	private static final int MAX_QUOTED_CHARS = 200;
	private static final Pattern JWT_LIKE = Pattern.compile("[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]*");

	private final AuthHttp http;
	private final SigningKeys keys;
	private final ClientAssertion assertions;
	private final Clock clock;

	ClientCredentialsGrant(AuthHttp http, SigningKeys keys, Clock clock) {
		this.http = http;
		this.keys = keys;
		this.assertions = new ClientAssertion(clock);
		this.clock = clock;
	}

	AccessToken request(EhrConnection connection, BackendServicesRegistration registration, String tokenEndpoint) {
		String what = "The token endpoint " + tokenEndpoint + " of " + TokenEndpoints.describe(connection);
		SigningKeys.SigningKey key = keys.key(registration.keyAlias());
		String assertion = assertions.sign(key, registration.clientId(), tokenEndpoint);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("scope", registration.scope());
		form.add("client_assertion_type", ClientAssertion.TYPE);
		form.add("client_assertion", assertion);
		// Optional in RFC 7521 §4.2 and left out of SMART's example, but some servers require it (Spring Authorization
		// Server: invalid_request without it); it names the same client as the assertion's iss and sub.
		form.add("client_id", registration.clientId());
		// The lifetime counts from before the request: the EHR's clock started no earlier.
		Instant requestedAt = clock.instant();
		AuthHttp.Answer answer = http.postForm(new AuthHttp.Target(tokenEndpoint, "token_endpoint"), form, what);
		if (!answer.successful()) {
			throw new EhrAuthenticationException(what + refusal(answer, assertion));
		}
		JsonNode body = answer.json()
				.orElseThrow(() -> new EhrAuthenticationException(what + " answered without a JSON object"));
		return AccessToken.issued(accessToken(body, what), requestedAt, lifetime(body, what));
	}

	private static String refusal(AuthHttp.Answer answer, String assertion) {
		if (answer.redirect()) {
			return " answered with a redirect (HTTP " + answer.status() + "), which is not followed";
		}
		StringBuilder message = new StringBuilder(" refused the token request (HTTP " + answer.status() + ")");
		answer.json().ifPresent(json -> {
			quoted(json.path("error"), assertion).ifPresent(error -> message.append(": ").append(error));
			quoted(json.path("error_description"), assertion).ifPresent(text -> message.append(" — ").append(text));
		});
		return message.toString();
	}

	private static String accessToken(JsonNode body, String what) {
		JsonNode tokenType = body.path("token_type");
		if (!tokenType.isTextual() || !tokenType.asText().toLowerCase(Locale.ROOT).equals("bearer")) {
			throw new EhrAuthenticationException(what + " issued a token whose token_type is not Bearer");
		}
		JsonNode token = body.path("access_token");
		if (!token.isTextual() || token.asText().isBlank()) {
			throw new EhrAuthenticationException(what + " answered without an access_token");
		}
		return token.asText();
	}

	private static Duration lifetime(JsonNode body, String what) {
		JsonNode expiresIn = body.path("expires_in");
		if (expiresIn.isMissingNode() || expiresIn.isNull()) {
			return DEFAULT_LIFETIME;
		}
		// Some servers send the number as a string; both spellings mean the same.
		long seconds = expiresIn.isIntegralNumber() || expiresIn.isTextual() ? expiresIn.asLong(-1) : -1;
		if (seconds <= 0) {
			throw new EhrAuthenticationException(what + " answered with an expires_in that is not a positive whole number");
		}
		return Duration.ofSeconds(seconds);
	}

	/**
	 * Text the EHR chose, made fit for our message: printable, short, and without our assertion (or any
	 * other JWT) in case the server echoes the request back.
	 */
	private static Optional<String> quoted(JsonNode node, String assertion) {
		if (!node.isTextual() || node.asText().isBlank()) {
			return Optional.empty();
		}
		String withoutAssertion = node.asText().replace(assertion, "[client assertion]");
		String text = JWT_LIKE.matcher(withoutAssertion).replaceAll("[JWT]").replaceAll("\\p{Cntrl}", " ").strip();
		return Optional.of(text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "…" : text);
	}
}
