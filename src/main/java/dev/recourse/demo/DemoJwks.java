package dev.recourse.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.recourse.ehr.auth.EhrKeystoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The public half of the demo provider client's key, as the development issuer reads it to check our client
 * assertions (private_key_jwt): a JWKS with one key whose {@code kid} is the keystore alias, as our client assertions
 * name it. Read from the same keystore the EHR client signs with ({@code recourse.ehr.keystore}).
 */
final class DemoJwks {
	private final JWK publicKey;

	private DemoJwks(JWK publicKey) {
		this.publicKey = publicKey;
	}

	static DemoJwks read(EhrKeystoreProperties keystore, String alias) {
		try (InputStream in = new DefaultResourceLoader().getResource(keystore.path()).getInputStream()) {
			KeyStore store = KeyStore.getInstance(keystore.type());
			store.load(in, keystore.password().toCharArray());
			JWK key = JWK.load(store, alias, keystore.password().toCharArray());
			if (key == null) {
				throw new IllegalStateException("The demo client key '" + alias + "' is not in " + keystore.path());
			}
			JWSAlgorithm algorithm = key instanceof ECKey ? JWSAlgorithm.ES384 : JWSAlgorithm.RS384;
			return new DemoJwks(rebuild(key.toPublicJWK(), alias, algorithm));
		} catch (IOException | GeneralSecurityException | JOSEException e) {
			throw new IllegalStateException("Cannot read the demo client key '" + alias + "' from " + keystore.path() + ": " + e.getMessage(), e);
		}
	}

	/** The JWKS document. */
	Map<String, Object> document() {
		return new JWKSet(publicKey).toJSONObject(true);
	}

	/** What the issuer must expect our assertions to be signed with: RS384 for an RSA key, ES384 for EC P-384. */
	SignatureAlgorithm algorithm() {
		return SignatureAlgorithm.from(publicKey.getAlgorithm().getName());
	}

	private static JWK rebuild(JWK key, String alias, JWSAlgorithm algorithm) {
		if (key instanceof ECKey ec) {
			return new ECKey.Builder(ec).keyID(alias).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
		}
		return new RSAKey.Builder(key.toRSAKey()).keyID(alias).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
	}
}
