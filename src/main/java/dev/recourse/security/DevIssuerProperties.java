package dev.recourse.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The development token issuer ({@code recourse.security.dev-issuer.*}), active with the Spring profile
 * {@code dev-issuer} (the embedded default).
 *
 * @param clientId the confidential client scripts and benchmarks use
 * @param clientSecret its secret
 * @param scopes the scopes the client may ask for; it gets all of them when it asks for none
 * @param tokenLifetime how long an access token lives
 * @param allowPostgres the issuer refuses to start on PostgreSQL unless this is true: a database that
 *     holds real data must not accept tokens anybody with the default secret can mint
 * @param issuer a fixed issuer URL; blank means the server root as each request reaches it
 */
@ConfigurationProperties("recourse.security.dev-issuer")
record DevIssuerProperties(
		String clientId,
		String clientSecret,
		List<String> scopes,
		Duration tokenLifetime,
		boolean allowPostgres,
		String issuer) {

	DevIssuerProperties {
		clientId = clientId == null || clientId.isBlank() ? "recourse-dev" : clientId;
		clientSecret = clientSecret == null || clientSecret.isBlank() ? "recourse-dev-secret" : clientSecret;
		scopes = scopes == null || scopes.isEmpty() ? List.of("system/*.cruds") : List.copyOf(scopes);
		tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
		issuer = issuer == null ? "" : issuer.strip().replaceAll("/+$", "");
	}
}
