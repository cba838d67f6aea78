package dev.recourse.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A public client's code exchange that carries no {@code code_verifier}. Spring Authorization Server recognises a
 * public client only by its verifier, so without one the request would fail as {@code invalid_client} (401); RFC
 * 7636 §4.6 makes a missing or wrong verifier {@code invalid_grant} (400). Taken as a public-client request here,
 * Spring's own check then refuses it with that error. Requests carrying any client credential are left alone.
 */
final class MissingCodeVerifier implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())
				|| !"authorization_code".equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| !single(request, OAuth2ParameterNames.CODE)
				|| !single(request, OAuth2ParameterNames.GRANT_TYPE)
				|| request.getParameter(PkceParameterNames.CODE_VERIFIER) != null
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			return null;
		}
		String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		if (!single(request, OAuth2ParameterNames.CLIENT_ID) || clientId.isBlank()) {
			return null;
		}
		Map<String, Object> parameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!OAuth2ParameterNames.CLIENT_ID.equals(name)) {
				parameters.put(name, values.length == 1 ? values[0] : values);
			}
		});
		return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, parameters);
	}

	private static boolean single(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values != null && values.length == 1;
	}
}
