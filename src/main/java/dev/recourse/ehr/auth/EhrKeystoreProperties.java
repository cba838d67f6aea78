package dev.recourse.ehr.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keystore holding the private keys this server signs client assertions with ({@code recourse.ehr.keystore.*}).
 *
 * @param path a Spring resource location, {@code file:/etc/recourse/ehr-client.p12} or {@code classpath:…};
 *     blank: no keystore, and no EHR that needs a token can be reached
 * @param password the store password, which PKCS12 also uses for each key
 * @param type the keystore type, {@code PKCS12} unless set
 */
@ConfigurationProperties("recourse.ehr.keystore")
public record EhrKeystoreProperties(String path, String password, String type) {

	public EhrKeystoreProperties {
		path = path == null ? "" : path.trim();
		password = password == null ? "" : password;
		type = type == null || type.isBlank() ? "PKCS12" : type;
	}

	boolean configured() {
		return !path.isEmpty();
	}

	/** The record's own toString would print the password into any log that prints the settings. */
	@Override
	public String toString() {
		return "EhrKeystoreProperties[path=" + path + ", password=***, type=" + type + "]";
	}
}
