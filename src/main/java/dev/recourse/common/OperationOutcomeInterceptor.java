package dev.recourse.common;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The one place where failures become FHIR errors. Domain exceptions keep their status, element and
 * message; HAPI's client errors get our error code added; anything else is a 500 that says only the
 * request id to quote, while the log keeps the stack trace under that id.
 */
@Component
@Interceptor
public class OperationOutcomeInterceptor implements ServerInterceptor {
	private static final Logger log = LoggerFactory.getLogger(OperationOutcomeInterceptor.class);

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException toOperationOutcome(RequestDetails request, Throwable failure) {
		RecourseException domain = findCause(failure, RecourseException.class);
		if (domain != null) {
			return fromDomain(domain);
		}
		if (isStaleIfMatch(request, failure)) {
			return OperationOutcomes.httpError(
					RecourseError.PRECONDITION_FAILED,
					"If-Match",
					"If-Match names a version that is not the current one; read the resource again and retry with its ETag");
		}
		if (failure instanceof BaseServerResponseException http && isClientError(http)) {
			return withErrorCode(http);
		}
		return internalError(failure);
	}

	/** FHIR answers a failed If-Match with 412 (http.html#concurrency); HAPI says 409 for any version clash. */
	private static boolean isStaleIfMatch(RequestDetails request, Throwable failure) {
		return failure instanceof ResourceVersionConflictException
				&& request != null
				&& request.getHeader(Constants.HEADER_IF_MATCH) != null;
	}

	private static BaseServerResponseException fromDomain(RecourseException domain) {
		log.debug("Request refused: {} at {}", domain.error().code(), domain.element());
		return OperationOutcomes.httpError(domain.error(), domain.element(), domain.getMessage());
	}

	private static BaseServerResponseException withErrorCode(BaseServerResponseException http) {
		RecourseError error = RecourseError.forStatus(http.getStatusCode());
		IBaseOperationOutcome existing = http.getOperationOutcome();
		if (existing instanceof OperationOutcome outcome && outcome.hasIssue()) {
			OperationOutcomes.addErrorCode(outcome, error);
		} else {
			http.setOperationOutcome(OperationOutcomes.error(error, null, http.getMessage()));
		}
		return http;
	}

	private static BaseServerResponseException internalError(Throwable failure) {
		String requestId = MDC.get(RequestIdFilter.MDC_KEY);
		log.error("Internal error in request {}", requestId, failure);
		String message = "Internal server error. Quote request id " + requestId + " when reporting it.";
		InternalErrorException response = new InternalErrorException(message);
		response.setOperationOutcome(OperationOutcomes.error(RecourseError.INTERNAL_ERROR, null, message));
		return response;
	}

	private static boolean isClientError(BaseServerResponseException http) {
		// 501 (operation not implemented) is also the caller's to act on, not a server fault.
		return http.getStatusCode() < 500 || http.getStatusCode() == 501;
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}
}
