package dev.recourse.common;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log line per FHIR request: verb, interaction, resource type, operation, status and time. Never the
 * query string, ids or bodies: search parameters and resources carry patient data, and logs must not.
 */
@Component
@Interceptor
public class RequestLogInterceptor implements ServerInterceptor {
	private static final Logger log = LoggerFactory.getLogger("dev.recourse.requests");

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void logCompleted(RequestDetails request, ServletRequestDetails servletRequest) {
		if (!log.isInfoEnabled()) {
			return;
		}
		int status = servletRequest == null ? 0 : servletRequest.getServletResponse().getStatus();
		long millis = request.getRequestStopwatch() == null ? -1 : request.getRequestStopwatch().getMillis();
		log.info(
				"{} {} {}{} -> {} in {} ms",
				request.getRequestType(),
				request.getRestOperationType() == null ? "unknown" : request.getRestOperationType().getCode(),
				request.getResourceName() == null ? "" : request.getResourceName(),
				request.getOperation() == null ? "" : " " + request.getOperation(),
				status,
				millis);
	}
}
