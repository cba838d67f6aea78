package dev.recourse.common;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps callers' mistakes out of the error log. HAPI logs every exception thrown by an interceptor hook
 * at ERROR with its stack trace, including the 4xx answers our own and HAPI's validation interceptors
 * give on purpose (HAPI's exceptions and our {@link RecourseException} alike); those are the caller's
 * errors, already logged once as a status line per request, and their messages may quote what was sent.
 * Exceptions of status 500 and above still reach the log.
 */
public class ClientErrorLogFilter extends TurboFilter {
	static final String HAPI_HOOK_LOGGER = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (logger == null || !HAPI_HOOK_LOGGER.equals(logger.getName()) || !Level.ERROR.equals(level)) {
			return FilterReply.NEUTRAL;
		}
		return isClientError(t) || (params != null && hasClientError(params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

	private static boolean hasClientError(Object[] params) {
		for (Object param : params) {
			if (param instanceof Throwable thrown && isClientError(thrown)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isClientError(Throwable thrown) {
		return thrown instanceof BaseServerResponseException http && http.getStatusCode() < 500
				|| thrown instanceof RecourseException domain && domain.error().httpStatus() < 500;
	}
}
