package dev.recourse.ehr.fake;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The test keystores: {@code ehr/ehr-client.p12} holds the keys Recourse signs its client assertions with
 * (registered with the fake EHR by default), {@code ehr/stranger.p12} a key no EHR has registered. Each JWK's
 * {@code kid} is its alias.
 */
public final class ClientKeys {
	public static final String KEYSTORE = "ehr/ehr-client.p12";
	public static final String STRANGER_KEYSTORE = "ehr/stranger.p12";
	public static final String PASSWORD = "test-only-changeit";
	public static final String RS384 = "recourse-rs384";
	public static final String ES384 = "recourse-es384";

	private ClientKeys() {
	}

	/** The public halves of Recourse's client keys: what an EHR registers. */
	public static JWKSet registered() {
		return load(KEYSTORE).toPublicJWKSet();
	}

	/** A private signing key of Recourse's by alias ({@link #RS384} or {@link #ES384}). */
	public static JWK signing(String alias) {
		return require(load(KEYSTORE), alias);
	}

	/** The unregistered key: signs assertions the fake EHR must refuse. */
	public static JWK stranger() {
		return require(load(STRANGER_KEYSTORE), RS384);
	}

	public static JWKSet load(String classpathKeystore) {
		try (InputStream in = ClientKeys.class.getClassLoader().getResourceAsStream(classpathKeystore)) {
			if (in == null) {
				throw new IllegalArgumentException("no keystore on the classpath at " + classpathKeystore);
			}
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, PASSWORD.toCharArray());
			List<JWK> keys = new ArrayList<>();
			for (String alias : Collections.list(store.aliases())) {
				keys.add(toJwk(alias, store.getCertificate(alias).getPublicKey(), store.getKey(alias, PASSWORD.toCharArray())));
			}
			return new JWKSet(keys);
		} catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("cannot read " + classpathKeystore, e);
		}
	}

	private static JWK toJwk(String alias, PublicKey publicKey, Key privateKey) {
		if (publicKey instanceof RSAPublicKey rsa) {
			return new RSAKey.Builder(rsa).privateKey((RSAPrivateKey) privateKey).keyID(alias).build();
		}
		ECPublicKey ec = (ECPublicKey) publicKey;
		return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).privateKey((ECPrivateKey) privateKey)
				.keyID(alias).build();
	}

	private static JWK require(JWKSet keys, String alias) {
		JWK key = keys.getKeyByKeyId(alias);
		if (key == null) {
			throw new IllegalArgumentException("no key " + alias);
		}
		return key;
	}
}
