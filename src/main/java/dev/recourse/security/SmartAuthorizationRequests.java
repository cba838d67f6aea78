package dev.recourse.security;

import static org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR;
import static org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR;

import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;

/**
 * What the authorization endpoint checks before anyone logs in, in this order: the redirect URI (the app's own on
 * this server, or a configured one, compared exactly; anything else is refused with no redirect at all, since a
 * redirect is what an attacker wants), the scopes, {@code aud} (SMART App Launch: the FHIR base URL the app
 * means to call, so a token is never minted for a server the app did not ask for), and the EHR's {@code launch}.
 * Errors after the redirect URI is known to be good go back to the app, as OAuth 2.0 §4.1.2.1 has it.
 */
final class SmartAuthorizationRequests implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {
	static final String LAUNCH = "launch";
	static final String AUDIENCE = "aud";

	private final String appClientId;
	private final AppLocations app;
	private final LaunchContexts launches;
	private final FhirBaseUrl fhirBase;

	SmartAuthorizationRequests(String appClientId, AppLocations app, LaunchContexts launches, FhirBaseUrl fhirBase) {
		this.appClientId = appClientId;
		this.app = app;
		this.launches = launches;
		this.fhirBase = fhirBase;
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		String serverRoot = AuthorizationServerContextHolder.getContext().getIssuer();
		if (appClientId.equals(context.getRegisteredClient().getClientId())) {
			if (!app.isRedirectUri(request.getRedirectUri(), serverRoot)) {
				throw refused("redirect_uri is not one of the app's", request, false);
			}
		} else {
			DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
		}
		DEFAULT_SCOPE_VALIDATOR.accept(context);
		checkAudience(request, fhirBase.under(serverRoot));
		checkLaunch(request);
	}

	private static void checkAudience(OAuth2AuthorizationCodeRequestAuthenticationToken request, String fhirBase) {
		Object audience = request.getAdditionalParameters().get(AUDIENCE);
		if (!(audience instanceof String aud) || !aud.replaceAll("/+$", "").equals(fhirBase)) {
			throw refused("aud must be this server's FHIR base URL, " + fhirBase, request, true);
		}
	}

	private void checkLaunch(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
		Object launch = request.getAdditionalParameters().get(LAUNCH);
		if (launch != null && (!(launch instanceof String id) || launches.patient(id).isEmpty())) {
			throw refused("launch is unknown or has expired; launch the app from the EHR again", request, true);
		}
	}

	/** @param toApp whether the error goes to the (validated) redirect URI; else a 400 page and no redirect */
	private static OAuth2AuthorizationCodeRequestAuthenticationException refused(
			String why, OAuth2AuthorizationCodeRequestAuthenticationToken request, boolean toApp) {
		OAuth2AuthorizationCodeRequestAuthenticationToken answered = toApp
				? request
				: new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(), request.getClientId(),
						(Authentication) request.getPrincipal(), null, request.getState(), request.getScopes(),
						request.getAdditionalParameters());
		return new OAuth2AuthorizationCodeRequestAuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, why, null), answered);
	}
}
