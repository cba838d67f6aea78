package dev.recourse.ehr.fake;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A SMART Backend Services token request as an authorization server checks it: {@code client_credentials} with a
 * jwt-bearer client assertion signed (RS384 or ES384) by a key registered for the client, iss = sub = client id,
 * aud = the token URL, exp within five minutes, jti never seen. Used by the fake EHR's token endpoint and the test
 * token issuer's, so both hold Recourse's {@code ClientAssertion} to one standard.
 */
public final class ClientAssertionCheck {
	public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
	private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(10);
	private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);

	/** Why a token request is refused: the status and the RFC 6749 error. */
	public record Refusal(int status, String error, String description) {
	}

	private final String clientId;
	private final JWKSet publicKeys;
	private final Supplier<String> tokenUrl;
	private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();

	/** @param publicKeys the keys the client's assertions may be signed with */
	public ClientAssertionCheck(String clientId, JWKSet publicKeys, Supplier<String> tokenUrl) {
		this.clientId = clientId;
		this.publicKeys = publicKeys;
		this.tokenUrl = tokenUrl;
	}

	/** Empty when the token request (form fields) may be granted. Assertion failures are {@code invalid_client} (RFC 7523 §3.2). */
	public Optional<Refusal> refusal(Map<String, String> form) {
		if (!"client_credentials".equals(form.get("grant_type"))) {
			return Optional.of(new Refusal(400, "unsupported_grant_type", "grant_type must be client_credentials"));
		}
		if (!JWT_BEARER.equals(form.get("client_assertion_type")) || form.get("client_assertion") == null) {
			return Optional.of(new Refusal(400, "invalid_request", "a jwt-bearer client_assertion is required"));
		}
		return Optional.ofNullable(problemWith(form.get("client_assertion"))).map(problem -> new Refusal(401, "invalid_client", problem));
	}

	private String problemWith(String assertion) {
		try {
			SignedJWT jwt = SignedJWT.parse(assertion);
			JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
			if (!ALGORITHMS.contains(alg)) {
				return "alg must be RS384 or ES384, not " + alg;
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
				return "iss and sub must both be the registered client id";
			}
			if (!verified(jwt, alg)) {
				return "the signature matches no key registered for " + clientId;
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
		for (JWK key : publicKeys.getKeys()) {
			boolean named = kid == null || kid.equals(key.getKeyID());
			if (named && verifies(jwt, alg, key)) {
				return true;
			}
		}
		return publicKeys.getKeys().stream().anyMatch(key -> verifies(jwt, alg, key));
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
