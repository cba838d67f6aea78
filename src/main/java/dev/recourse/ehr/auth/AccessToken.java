package dev.recourse.ehr.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token an EHR issued us, with when to stop using it.
 *
 * @param value the token itself, never logged nor put in a message
 * @param expiresAt when the EHR says it expires, counted from when we asked for it
 * @param renewAt when we ask for the next one: 60 s before expiry, or half-way for a token that lives
 *     under two minutes, so a short-lived token is still reused rather than fetched on every call
 */
record AccessToken(String value, Instant expiresAt, Instant renewAt) {
	static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

	static AccessToken issued(String value, Instant requestedAt, Duration lifetime) {
		Duration margin = lifetime.dividedBy(2).compareTo(RENEW_BEFORE_EXPIRY) < 0 ? lifetime.dividedBy(2) : RENEW_BEFORE_EXPIRY;
		Instant expiresAt = requestedAt.plus(lifetime);
		return new AccessToken(value, expiresAt, expiresAt.minus(margin));
	}

	boolean usableAt(Instant now) {
		return now.isBefore(renewAt);
	}

	@Override
	public String toString() {
		return "AccessToken[expiresAt=" + expiresAt + ", renewAt=" + renewAt + "]";
	}
}
