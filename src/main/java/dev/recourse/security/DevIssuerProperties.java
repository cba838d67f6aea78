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
 * @param tokenLifetime how long an access token lives (for every client)
 * @param allowPostgres the issuer refuses to start on PostgreSQL unless this is true: a database that
 *     holds real data must not accept tokens anybody with the default secret can mint
 * @param issuer a fixed issuer URL; blank means the server root as each request reaches it
 * @param app the public SMART app client
 * @param users who may log in to the issuer, each with the FHIR resource they are
 */
@ConfigurationProperties("recourse.security.dev-issuer")
record DevIssuerProperties(
		String clientId,
		String clientSecret,
		List<String> scopes,
		Duration tokenLifetime,
		boolean allowPostgres,
		String issuer,
		App app,
		List<User> users) {

	DevIssuerProperties {
		clientId = clientId == null || clientId.isBlank() ? "recourse-dev" : clientId;
		clientSecret = clientSecret == null || clientSecret.isBlank() ? "recourse-dev-secret" : clientSecret;
		scopes = scopes == null || scopes.isEmpty() ? List.of("system/*.cruds") : List.copyOf(scopes);
		tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
		issuer = issuer == null ? "" : issuer.strip().replaceAll("/+$", "");
		app = app == null ? new App(null, null, null) : app;
		users = users == null ? List.of() : List.copyOf(users);
	}

	/**
	 * The SMART app's registration: a public client (no secret, PKCE with S256, no consent screen) using the
	 * authorization code grant.
	 *
	 * @param clientId its client id
	 * @param redirectUris absolute redirect URIs allowed besides the app on this server's own origin
	 *     ({@code <root>/app/} and {@code <root>/app/index.html}), e.g. a development server on another port
	 * @param scopes the scopes it may ask for
	 */
	record App(String clientId, List<String> redirectUris, List<String> scopes) {
		App {
			clientId = clientId == null || clientId.isBlank() ? "recourse-app" : clientId;
			redirectUris = redirectUris == null ? List.of() : redirectUris.stream().filter(uri -> !uri.isBlank()).toList();
			scopes = scopes == null ? List.of() : List.copyOf(scopes);
		}
	}

	/**
	 * A person who logs in to the issuer's form.
	 *
	 * @param username the login name
	 * @param password the password, kept in plain text: these are published demonstration logins
	 * @param fhirUser the resource the person is, relative ({@code Practitioner/123}); tokens carry it as an
	 *     absolute URL under this server's FHIR base
	 */
	record User(String username, String password, String fhirUser) {}
}
