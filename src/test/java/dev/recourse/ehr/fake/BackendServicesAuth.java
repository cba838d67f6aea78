package dev.recourse.ehr.fake;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * SMART Backend Services on the EHR side: checks a client assertion (RS384 or ES384 signature by a registered
 * key, iss = sub = client id, aud = the token URL, exp within five minutes, jti never seen) and hands out
 * opaque bearer tokens that expire. Assertion failures are {@code invalid_client} (RFC 7523 §3.2).
 */
final class BackendServicesAuth {
	static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
	private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(10);
	private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);

	/** The token endpoint's answer: a status and a JSON body. */
	record TokenAnswer(int status, Map<String, Object> body) {
		static TokenAnswer error(int status, String error, String description) {
			return new TokenAnswer(status, Map.of("error", error, "error_description", description));
		}
	}

	private final FakeEhrOptions.Client client;
	private final Duration tokenLifetime;
	private final Supplier<String> tokenUrl;
	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
	private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
	private final AtomicInteger tokenRequests = new AtomicInteger();
	private final SecureRandom random = new SecureRandom();

	BackendServicesAuth(FakeEhrOptions.Client client, Duration tokenLifetime, Supplier<String> tokenUrl) {
		this.client = client;
		this.tokenLifetime = tokenLifetime;
		this.tokenUrl = tokenUrl;
	}

	TokenAnswer token(Map<String, String> form) {
		tokenRequests.incrementAndGet();
		if (!"client_credentials".equals(form.get("grant_type"))) {
			return TokenAnswer.error(400, "unsupported_grant_type", "grant_type must be client_credentials");
		}
		if (!JWT_BEARER.equals(form.get("client_assertion_type")) || form.get("client_assertion") == null) {
			return TokenAnswer.error(400, "invalid_request", "a jwt-bearer client_assertion is required");
		}
		String problem = problemWith(form.get("client_assertion"));
		if (problem != null) {
			return TokenAnswer.error(401, "invalid_client", problem);
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

	private String problemWith(String assertion) {
		try {
			SignedJWT jwt = SignedJWT.parse(assertion);
			JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
			if (!ALGORITHMS.contains(alg)) {
				return "alg must be RS384 or ES384, not " + alg;
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (!client.clientId().equals(claims.getIssuer()) || !client.clientId().equals(claims.getSubject())) {
				return "iss and sub must both be the registered client id";
			}
			if (!verified(jwt, alg)) {
				return "the signature matches no key registered for " + client.clientId();
			}
			if (claims.getAudience() == null || !claims.getAudience().contains(tokenUrl.get())) {
				return "aud must be " + tokenUrl.get();
			}
			return problemWithTimeAndJti(claims);
		} catch (ParseException e) {
			return "the client assertion is not a signed JWT: " + e.getMessage();
		}
	}

	private String problemWithTimeAndJti(JWTClaimsSet claims) {
		Instant now = Instant.now();
		if (claims.getExpirationTime() == null) {
			return "exp is required";
		}
		Instant exp = claims.getExpirationTime().toInstant();
		if (exp.isBefore(now.minus(CLOCK_SKEW))) {
			return "the client assertion has expired";
		}
		if (exp.isAfter(now.plus(MAX_ASSERTION_LIFETIME).plus(CLOCK_SKEW))) {
			return "exp must be no more than five minutes away";
		}
		if (claims.getJWTID() == null) {
			return "jti is required";
		}
		if (!usedJtis.add(claims.getJWTID())) {
			return "jti " + claims.getJWTID() + " has been used before";
		}
		return null;
	}

	/** Tries the key the header's kid names first, then every registered key of the algorithm's type. */
	private boolean verified(SignedJWT jwt, JWSAlgorithm alg) {
		String kid = jwt.getHeader().getKeyID();
		for (JWK key : client.publicKeys().getKeys()) {
			boolean named = kid == null || kid.equals(key.getKeyID());
			if (named && verifies(jwt, alg, key)) {
				return true;
			}
		}
		return client.publicKeys().getKeys().stream().anyMatch(key -> verifies(jwt, alg, key));
	}

	private static boolean verifies(SignedJWT jwt, JWSAlgorithm alg, JWK key) {
		try {
			JWSVerifier verifier;
			if (alg.equals(JWSAlgorithm.RS384) && key instanceof RSAKey rsa) {
				verifier = new RSASSAVerifier(rsa);
			} else if (alg.equals(JWSAlgorithm.ES384) && key instanceof ECKey ec) {
				verifier = new ECDSAVerifier(ec);
			} else {
				return false;
			}
			return jwt.verify(verifier);
		} catch (JOSEException e) {
			return false;
		}
	}
}
