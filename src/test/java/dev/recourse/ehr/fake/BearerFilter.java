package dev.recourse.ehr.fake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Every FHIR request but metadata and SMART discovery needs a bearer token the fake issued and has not expired. */
final class BearerFilter extends HttpFilter {
	private static final String PREFIX = "Bearer ";

	private final BackendServicesAuth auth;

	BearerFilter(BackendServicesAuth auth) {
		this.auth = auth;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/fhir/metadata") || path.equals("/fhir/.well-known/smart-configuration")) {
			chain.doFilter(request, response);
			return;
		}
		String header = request.getHeader("Authorization");
		boolean bearer = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
		if (bearer && auth.accepts(header.substring(PREFIX.length()).trim())) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
		Outcomes.write(response, 401, IssueType.LOGIN, bearer ? "the bearer token is unknown or expired" : "a bearer token is required");
	}
}
