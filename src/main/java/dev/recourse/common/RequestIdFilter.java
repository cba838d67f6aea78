package dev.recourse.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-ID} when it is a plain token, else a new
 * one), puts it in the logging context and echoes it in the response, so a caller's report and our
 * logs meet on one value.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {
	public static final String HEADER = "X-Request-ID";
	public static final String MDC_KEY = "requestId";
	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = requestId(request.getHeader(HEADER));
		MDC.put(MDC_KEY, requestId);
		response.setHeader(HEADER, requestId);
		try {
			// HAPI takes the request id from this header too (meta.source, its own response header).
			chain.doFilter(new WithRequestId(request, requestId), response);
		} finally {
			MDC.remove(MDC_KEY);
		}
	}

	private static String requestId(String offered) {
		// Only a plain token is echoed into logs and headers; anything else could forge log lines.
		return offered != null && SAFE_ID.matcher(offered).matches()
				? offered
				: UUID.randomUUID().toString().replace("-", "");
	}

	private static final class WithRequestId extends HttpServletRequestWrapper {
		private final String requestId;

		WithRequestId(HttpServletRequest request, String requestId) {
			super(request);
			this.requestId = requestId;
		}

		@Override
		public String getHeader(String name) {
			return HEADER.equalsIgnoreCase(name) ? requestId : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HEADER.equalsIgnoreCase(name)
					? Collections.enumeration(List.of(requestId))
					: super.getHeaders(name);
		}
	}
}
