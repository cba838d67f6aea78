package dev.recourse.ehr.fake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * In front of the FHIR servlet: sleeps, fails, throttles or answers garbage as the test scripted it, and
 * otherwise passes the request on (asking HAPI for FHIR JSON when the client named no format, so a Binary
 * is served as a resource, not as its raw content).
 */
final class FaultFilter extends HttpFilter {
	/** A searchset cut off mid-entry. */
	static final String MALFORMED_BODY = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{";

	private final Faults faults;
	private final RequestTarget.Pages pages;

	FaultFilter(Faults faults, RequestTarget.Pages pages) {
		this.faults = faults;
		this.pages = pages;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		RequestTarget target = pages.of(request);
		faults.take(target, Faults.Kind.DELAY).ifPresent(fault -> sleep(fault.delay().toMillis()));
		var fault = faults.take(target, Faults.Kind.FAIL, Faults.Kind.THROTTLE, Faults.Kind.MALFORMED);
		if (fault.isEmpty()) {
			chain.doFilter(fhirJsonByDefault(request), response);
			return;
		}
		switch (fault.get().kind()) {
			case FAIL -> Outcomes.write(response, fault.get().status(), IssueType.TRANSIENT, "injected failure");
			case THROTTLE -> {
				response.setHeader("Retry-After", Integer.toString(fault.get().status()));
				Outcomes.write(response, 429, IssueType.THROTTLED, "injected throttling");
			}
			default -> {
				byte[] body = MALFORMED_BODY.getBytes(StandardCharsets.UTF_8);
				response.setStatus(200);
				response.setContentType(Outcomes.FHIR_JSON);
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static HttpServletRequest fhirJsonByDefault(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		boolean named = request.getParameter("_format") != null
				|| (accept != null && !accept.isBlank() && !accept.trim().equals("*/*"));
		if (named) {
			return request;
		}
		return new HttpServletRequestWrapper(request) {
			@Override
			public String getHeader(String name) {
				return "Accept".equalsIgnoreCase(name) ? "application/fhir+json" : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return "Accept".equalsIgnoreCase(name)
						? Collections.enumeration(java.util.List.of("application/fhir+json"))
						: super.getHeaders(name);
			}
		};
	}
}
