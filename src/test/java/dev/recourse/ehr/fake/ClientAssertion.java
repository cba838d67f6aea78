package dev.recourse.ehr.fake;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A SMART Backend Services client assertion as a test makes one: RS384 for an RSA key, ES384 for an EC key,
 * iss = sub = the client id, aud = the token URL.
 *
 * @param clientId iss and sub
 * @param audience aud: the EHR's token URL
 * @param jti the assertion's unique id
 * @param expires exp
 */
public record ClientAssertion(String clientId, String audience, String jti, Instant expires) {
	/** A fresh assertion: a random jti, expiring in four minutes. */
	public static ClientAssertion fresh(String clientId, String tokenUrl) {
		return new ClientAssertion(clientId, tokenUrl, UUID.randomUUID().toString(), Instant.now().plusSeconds(240));
	}

	public ClientAssertion withJti(String otherJti) {
		return new ClientAssertion(clientId, audience, otherJti, expires);
	}

	public ClientAssertion withExpires(Instant otherExpires) {
		return new ClientAssertion(clientId, audience, jti, otherExpires);
	}

	/** The compact JWS, signed with the key (its kid in the header). */
	public String signWith(JWK key) {
		try {
			boolean rsa = key instanceof RSAKey;
			JWSAlgorithm alg = rsa ? JWSAlgorithm.RS384 : JWSAlgorithm.ES384;
			JWSSigner signer = rsa ? new RSASSASigner(key.toRSAKey()) : new ECDSASigner(key.toECKey());
			JWSHeader header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
					.audience(audience).jwtID(jti);
			if (expires != null) {
				claims.expirationTime(Date.from(expires));
			}
			SignedJWT jwt = new SignedJWT(header, claims.build());
			jwt.sign(signer);
			return jwt.serialize();
		} catch (JOSEException e) {
			throw new IllegalStateException("cannot sign a client assertion", e);
		}
	}
}
