package dev.recourse.ehr.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The signed JWT a backend service authenticates with (RFC 7523 as profiled by SMART Backend Services):
 * iss = sub = our client id, aud = the token endpoint, a fresh jti, and a short life. The {@code kid} is
 * the keystore alias, so the EHR's registered JWKS must carry that alias as the key's {@code kid}.
 */
class ClientAssertion {
	static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
	// SMART allows at most five minutes; one less leaves room for our clock running behind the EHR's.
	static final Duration LIFETIME = Duration.ofMinutes(4);

	private final Clock clock;

	ClientAssertion(Clock clock) {
		this.clock = clock;
	}

	String sign(SigningKeys.SigningKey key, String clientId, String tokenEndpoint) {
		Instant now = clock.instant();
		JWSHeader header = new JWSHeader.Builder(key.algorithm())
				.keyID(key.alias())
				.type(JOSEObjectType.JWT)
				.build();
		JWTClaimsSet claims = new JWTClaimsSet.Builder()
				.issuer(clientId)
				.subject(clientId)
				.audience(tokenEndpoint)
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(LIFETIME)))
				.jwtID(UUID.randomUUID().toString())
				.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(key.signer());
		} catch (JOSEException e) {
			throw new EhrAuthenticationException("Signing the client assertion with key '" + key.alias() + "' failed", e);
		}
		return jwt.serialize();
	}
}
