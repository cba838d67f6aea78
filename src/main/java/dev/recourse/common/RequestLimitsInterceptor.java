package dev.recourse.common;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Refuses requests the server will not serve, before any work is done: XML bodies (JSON is the wire
 * format, and refusing XML keeps external-entity tricks out entirely) and {@code _count} above the
 * configured maximum (refused with a message rather than silently cut, so a client never mistakes a
 * short page for the whole answer).
 */
@Component
@Interceptor
public class RequestLimitsInterceptor implements ServerInterceptor {
	private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
	private final RequestLimits limits;

	RequestLimitsInterceptor(RequestLimits limits) {
		this.limits = limits;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
	public boolean refuseXmlBodies(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (METHODS_WITH_BODY.contains(request.getMethod())
				&& contentType != null
				&& contentType.toLowerCase(Locale.ROOT).contains("xml")) {
			throw OperationOutcomes.httpError(
					RecourseError.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type",
					"Request bodies must be FHIR JSON (application/fhir+json); got " + sanitize(contentType));
		}
		return true;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean refuseOversizedPages(RequestDetails request) {
		String[] counts = request.getParameters().get(Constants.PARAM_COUNT);
		if (counts == null) {
			return true;
		}
		for (String count : counts) {
			checkCount(count);
		}
		return true;
	}

	private void checkCount(String count) {
		long requested;
		try {
			requested = Long.parseLong(count.strip());
		} catch (NumberFormatException e) {
			throw OperationOutcomes.httpError(
					RecourseError.INVALID_INPUT, "_count", "_count must be a whole number, got '" + sanitize(count) + "'");
		}
		if (requested > limits.maxPageSize()) {
			throw OperationOutcomes.httpError(
					RecourseError.TOO_MANY,
					"_count",
					"_count=" + requested + " exceeds the maximum page size of " + limits.maxPageSize()
							+ "; page through the results with the Bundle's next link instead");
		}
	}

	private static String sanitize(String value) {
		String trimmed = value.length() > 60 ? value.substring(0, 60) + "…" : value;
		return trimmed.replaceAll("[^\\x20-\\x7E…]", "?");
	}
}
