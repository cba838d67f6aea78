package dev.recourse.ehr.auth;

/**
 * Getting a token from an EHR failed: discovery, the token endpoint, the outbound URL policy or our own
 * keystore. The message says which, in words an API caller may see; it never carries the client assertion,
 * a token or the keystore password, so callers can pass it on as it is.
 */
public class EhrAuthenticationException extends RuntimeException {

	public EhrAuthenticationException(String message) {
		super(message);
	}

	public EhrAuthenticationException(String message, Throwable cause) {
		super(message, cause);
	}
}
