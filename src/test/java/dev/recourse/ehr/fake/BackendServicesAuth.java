package dev.recourse.ehr.fake;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * SMART Backend Services on the EHR side: checks the token request ({@link ClientAssertionCheck}) and hands out
 * opaque bearer tokens that expire.
 */
final class BackendServicesAuth {
	static final String JWT_BEARER = ClientAssertionCheck.JWT_BEARER;

	/** The token endpoint's answer: a status and a JSON body. */
	record TokenAnswer(int status, Map<String, Object> body) {
		static TokenAnswer error(int status, String error, String description) {
			return new TokenAnswer(status, Map.of("error", error, "error_description", description));
		}
	}

	private final ClientAssertionCheck check;
	private final Duration tokenLifetime;
	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
	private final AtomicInteger tokenRequests = new AtomicInteger();
	private final SecureRandom random = new SecureRandom();

	BackendServicesAuth(FakeEhrOptions.Client client, Duration tokenLifetime, Supplier<String> tokenUrl) {
		this.check = new ClientAssertionCheck(client.clientId(), client.publicKeys(), tokenUrl);
		this.tokenLifetime = tokenLifetime;
	}

	TokenAnswer token(Map<String, String> form) {
		tokenRequests.incrementAndGet();
		var refusal = check.refusal(form);
		if (refusal.isPresent()) {
			return TokenAnswer.error(refusal.get().status(), refusal.get().error(), refusal.get().description());
		}
		String scope = form.getOrDefault("scope", "system/*.rs");
		return new TokenAnswer(200, Map.of(
				"access_token", issue(), "token_type", "bearer", "expires_in", tokenLifetime.toSeconds(), "scope", scope));
	}

	/** A token as the endpoint would issue it, without the assertion: for tests that only read. */
	String issue() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		tokens.put(token, Instant.now().plus(tokenLifetime));
		return token;
	}

	boolean accepts(String token) {
		Instant expires = token == null ? null : tokens.get(token);
		return expires != null && Instant.now().isBefore(expires);
	}

	void expireIssuedTokens() {
		tokens.clear();
	}

	int tokenRequests() {
		return tokenRequests.get();
	}
}
