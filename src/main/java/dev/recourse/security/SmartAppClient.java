package dev.recourse.security;

import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The SMART app's registration at the development issuer: a public client (it runs in the browser and can keep
 * no secret), so PKCE stands in for client authentication; no consent screen, since the issuer's users are
 * the organisation's own staff using the organisation's own app.
 */
final class SmartAppClient {

	private SmartAppClient() {
	}

	static RegisteredClient of(DevIssuerProperties.App app, Duration tokenLifetime) {
		return RegisteredClient.withId(app.clientId())
				.clientId(app.clientId())
				.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				// Spring wants a registered URI; the authorization endpoint checks them with AppLocations, which
				// puts the request's own server root in front of these paths (see SmartAuthorizationRequests)
				.redirectUris(uris -> {
					uris.addAll(AppLocations.OWN_PATHS);
					uris.addAll(app.redirectUris());
				})
				.scopes(scopes -> scopes.addAll(app.scopes()))
				.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
				.build();
	}
}
