package dev.recourse.ehr.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The private keys client assertions are signed with, read from {@code recourse.ehr.keystore} once at
 * start-up: an RSA key signs RS384, an EC P-384 key ES384, the two algorithms SMART Backend Services
 * servers must accept. A keystore that cannot be read stops start-up; a key that cannot sign fails only
 * the EHRs registered with it, naming its alias.
 */
@Component
class SigningKeys {
	private static final String PROPERTY = "recourse.ehr.keystore";

	private final boolean configured;
	private final Map<String, SigningKey> keys = new HashMap<>();
	private final Map<String, String> unusable = new HashMap<>();

	/**
	 * @param alias the keystore alias, also sent as the assertion's {@code kid}
	 * @param algorithm RS384 or ES384, fixed by the key type
	 */
	record SigningKey(String alias, JWSAlgorithm algorithm, JWSSigner signer) {}

	SigningKeys(EhrKeystoreProperties properties) {
		this.configured = properties.configured();
		if (configured) {
			KeyStore store = load(properties);
			char[] password = properties.password().toCharArray();
			try {
				for (String alias : Collections.list(store.aliases())) {
					read(store, alias, password);
				}
			} catch (GeneralSecurityException e) {
				throw new IllegalStateException("Cannot list the keys in the EHR client keystore " + properties.path(), e);
			}
		}
	}

	/** The key under the alias, or an {@link EhrAuthenticationException} saying why there is none. */
	SigningKey key(String alias) {
		if (!configured) {
			throw new EhrAuthenticationException("No EHR client keystore is configured (" + PROPERTY
					+ ".path), so no client assertion can be signed with key '" + alias + "'");
		}
		SigningKey key = keys.get(alias);
		if (key != null) {
			return key;
		}
		String reason = unusable.getOrDefault(alias, "is not in the EHR client keystore");
		throw new EhrAuthenticationException("The signing key '" + alias + "' " + reason);
	}

	private void read(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
		if (!store.isKeyEntry(alias)) {
			unusable.put(alias, "is a certificate without a private key in the EHR client keystore");
			return;
		}
		try {
			keys.put(alias, signingKey(alias, store.getKey(alias, password)));
		} catch (GeneralSecurityException | JOSEException | IllegalArgumentException e) {
			// Nimbus refuses RSA keys under 2048 bits with IllegalArgumentException.
			unusable.put(alias, "cannot sign: " + e.getMessage());
		}
	}

	private static SigningKey signingKey(String alias, Key key) throws JOSEException {
		if (key instanceof RSAPrivateKey rsa) {
			return new SigningKey(alias, JWSAlgorithm.RS384, new RSASSASigner(rsa));
		}
		if (key instanceof ECPrivateKey ec) {
			if (!Curve.P_384.equals(Curve.forECParameterSpec(ec.getParams()))) {
				throw new JOSEException("an EC key must be on curve P-384 (secp384r1) to sign ES384");
			}
			return new SigningKey(alias, JWSAlgorithm.ES384, new ECDSASigner(ec));
		}
		throw new JOSEException("it is a " + key.getAlgorithm() + " key; only RSA and EC P-384 keys are supported");
	}

	private static KeyStore load(EhrKeystoreProperties properties) {
		String path = properties.path();
		if (!path.startsWith("file:") && !path.startsWith("classpath:")) {
			throw new IllegalStateException(PROPERTY + ".path must start with file: or classpath: (was " + path + ")");
		}
		Resource resource = new DefaultResourceLoader().getResource(path);
		try (InputStream in = resource.getInputStream()) {
			KeyStore store = KeyStore.getInstance(properties.type());
			store.load(in, properties.password().toCharArray());
			return store;
		} catch (IOException | GeneralSecurityException e) {
			// The cause names the problem (missing file, wrong password, wrong type) and never the password itself.
			throw new IllegalStateException("Cannot read the EHR client keystore " + path + " (" + PROPERTY
					+ ".type " + properties.type() + "): " + e.getMessage(), e);
		}
	}
}
