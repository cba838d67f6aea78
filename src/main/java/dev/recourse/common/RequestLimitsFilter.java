package dev.recourse.common;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before HAPI does any work, requests the FHIR endpoint will not serve: XML bodies (JSON is
 * the wire format, and refusing XML keeps external-entity tricks out entirely), bodies over the size
 * limit, and {@code _count} above the maximum page size (refused, not silently cut, so a client never
 * mistakes a short page for the whole answer). A servlet filter rather than a HAPI interceptor because
 * HAPI logs every exception thrown from an interceptor as an error, and these are the caller's errors.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {
	private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
	private final RequestLimits limits;
	private final FhirContext fhirContext;

	public RequestLimitsFilter(RequestLimits limits, FhirContext fhirContext) {
		this.limits = limits;
		this.fhirContext = fhirContext;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<RecourseException> refusal = xmlBody(request).or(() -> oversizedBody(request)).or(() -> oversizedPage(request));
		if (refusal.isPresent()) {
			writeOutcome(response, refusal.get());
			return;
		}
		chain.doFilter(new BoundedRequest(request, limits.maxRequestBytes()), response);
	}

	private static Optional<RecourseException> xmlBody(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (METHODS_WITH_BODY.contains(request.getMethod())
				&& contentType != null
				&& contentType.toLowerCase(Locale.ROOT).contains("xml")) {
			return Optional.of(new RecourseException(
					RecourseError.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type",
					"Request bodies must be FHIR JSON (application/fhir+json); got " + printable(contentType)));
		}
		return Optional.empty();
	}

	private Optional<RecourseException> oversizedBody(HttpServletRequest request) {
		long declared = request.getContentLengthLong();
		if (declared > limits.maxRequestBytes()) {
			return Optional.of(new RecourseException(
					RecourseError.TOO_LARGE,
					null,
					"Request body too large: Content-Length " + declared + " exceeds the limit of "
							+ limits.maxRequestBytes() + " bytes"));
		}
		return Optional.empty();
	}

	private Optional<RecourseException> oversizedPage(HttpServletRequest request) {
		String[] counts = request.getParameterMap().get(Constants.PARAM_COUNT);
		if (counts == null) {
			return Optional.empty();
		}
		for (String count : counts) {
			Optional<RecourseException> refusal = checkCount(count);
			if (refusal.isPresent()) {
				return refusal;
			}
		}
		return Optional.empty();
	}

	private Optional<RecourseException> checkCount(String count) {
		long requested;
		try {
			requested = Long.parseLong(count.strip());
		} catch (NumberFormatException e) {
			return Optional.of(new RecourseException(
					RecourseError.INVALID_INPUT, "_count", "_count must be a whole number, got '" + printable(count) + "'"));
		}
		if (requested <= limits.maxPageSize()) {
			return Optional.empty();
		}
		return Optional.of(new RecourseException(
				RecourseError.TOO_MANY,
				"_count",
				"_count=" + requested + " exceeds the maximum page size of " + limits.maxPageSize()
						+ "; page through the results with the Bundle's next link instead"));
	}

	private void writeOutcome(HttpServletResponse response, RecourseException refusal) throws IOException {
		OperationOutcomes.write(response, fhirContext, refusal.error(), refusal.element(), refusal.getMessage());
	}

	private static String printable(String value) {
		String trimmed = value.length() > 60 ? value.substring(0, 60) + "..." : value;
		return trimmed.replaceAll("[^\\x20-\\x7E]", "?");
	}
}
