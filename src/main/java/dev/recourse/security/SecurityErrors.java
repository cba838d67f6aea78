package dev.recourse.security;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.common.OperationOutcomes;
import dev.recourse.common.RecourseError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 answered before HAPI runs: the bearer-token challenge headers Spring Security sets
 * (RFC 6750) plus an OperationOutcome body, and a record in the audit trail.
 */
final class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
	private final FhirContext fhirContext;
	private final List<DeniedAccessListener> listeners;
	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
	private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

	SecurityErrors(FhirContext fhirContext, List<DeniedAccessListener> listeners) {
		this.fhirContext = fhirContext;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		challenge.commence(request, response, failure);
		String message = request.getHeader("Authorization") == null
				? "This endpoint needs a bearer token (Authorization: Bearer …); get one from the token_endpoint in"
						+ " .well-known/smart-configuration"
				: "The bearer token was rejected: " + failure.getMessage();
		OperationOutcomes.write(response, fhirContext, RecourseError.UNAUTHORIZED, "Authorization", message);
		listeners.forEach(listener -> listener.denied(request, HttpServletResponse.SC_UNAUTHORIZED));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure)
			throws IOException {
		denied.handle(request, response, failure);
		OperationOutcomes.write(
				response, fhirContext, RecourseError.FORBIDDEN, "Authorization", "The token does not allow this request");
		listeners.forEach(listener -> listener.denied(request, HttpServletResponse.SC_FORBIDDEN));
	}


	/** Told of every request refused before it reached HAPI, e.g. to audit it. */
	interface DeniedAccessListener {
		void denied(HttpServletRequest request, int status);
	}
}
