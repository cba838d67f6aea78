package dev.recourse.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * SMART claims on the development issuer's tokens. The access token: {@code aud} the FHIR base URL (what the API
 * checks), {@code client_id}, {@code scope} as one space-separated string, the user's {@code fhirUser} and the
 * EHR launch's {@code patient} — the claims {@link CallerFactory} reads. The ID token: {@code fhirUser} when the
 * app asked for that scope (SMART App Launch §Scopes for requesting identity data). Both as absolute URLs.
 */
final class SmartTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
	static final String FHIR_USER = "fhirUser";
	static final String PATIENT = "patient";
	static final String LAUNCH_SCOPE = "launch";
	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final DevUsers users;
	private final LaunchContexts launches;
	private final FhirBaseUrl fhirBase;

	SmartTokenClaims(DevUsers users, LaunchContexts launches, FhirBaseUrl fhirBase) {
		this.users = users;
		this.launches = launches;
		this.fhirBase = fhirBase;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		String base = fhirBase.under(AuthorizationServerContextHolder.getContext().getIssuer());
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getClaims()
					.audience(List.of(base))
					.claim("client_id", context.getRegisteredClient().getClientId())
					.claim("scope", String.join(" ", context.getAuthorizedScopes()));
			fhirUser(context, base).ifPresent(user -> context.getClaims().claim(FHIR_USER, user));
			launchPatient(context).ifPresent(patient -> context.getClaims().claim(PATIENT, patient));
		} else if (ID_TOKEN.equals(context.getTokenType()) && context.getAuthorizedScopes().contains(FHIR_USER)) {
			fhirUser(context, base).ifPresent(user -> context.getClaims().claim(FHIR_USER, user));
		}
	}

	/** A person's login; a client acting for itself (client_credentials) has none, whatever its id. */
	private Optional<String> fhirUser(JwtEncodingContext context, String base) {
		Authentication principal = context.getPrincipal();
		if (principal == null || principal instanceof OAuth2ClientAuthenticationToken) {
			return Optional.empty();
		}
		return users.fhirUser(principal.getName(), base);
	}

	/**
	 * The patient of the EHR launch the authorization named, read when the token is made. A launch that expired
	 * between the login and the token request fails the request rather than giving a token without its context.
	 */
	private Optional<String> launchPatient(JwtEncodingContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		if (authorization == null || !context.getAuthorizedScopes().contains(LAUNCH_SCOPE)) {
			return Optional.empty();
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		Object launch = request == null ? null : request.getAdditionalParameters().get(SmartAuthorizationRequests.LAUNCH);
		if (!(launch instanceof String id)) {
			return Optional.empty();
		}
		return Optional.of(launches.patient(id).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
				OAuth2ErrorCodes.INVALID_GRANT, "The EHR launch has expired; launch the app again", null))));
	}
}
