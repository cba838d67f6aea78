package dev.recourse.security;

/** Keeps the development issuer, whose client secret is public, away from a real database. */
final class DevIssuerGuard {
	private final DevIssuerProperties settings;
	private final String databaseUrl;

	DevIssuerGuard(DevIssuerProperties settings, String databaseUrl) {
		this.settings = settings;
		this.databaseUrl = databaseUrl == null ? "" : databaseUrl;
	}

	void check() {
		if (databaseUrl.startsWith("jdbc:postgresql:") && !settings.allowPostgres()) {
			throw new IllegalStateException("The development token issuer (Spring profile dev-issuer) refuses to run on"
					+ " PostgreSQL: anyone with its default client secret could mint tokens. Run with another profile"
					+ " (SPRING_PROFILES_ACTIVE=production) and configure recourse.security.issuers, or set"
					+ " RECOURSE_SECURITY_DEV_ISSUER_ALLOW_POSTGRES=true for a throw-away database.");
		}
	}
}
