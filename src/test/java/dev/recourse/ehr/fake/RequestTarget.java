package dev.recourse.ehr.fake;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a request to the fake is about: the resource type in its path and the operation, if any. A paging
 * request ({@code /fhir?_getpages=…}) is about whatever the search that made the page was about.
 *
 * @param type the resource type, {@code metadata}, {@code token} for the token endpoint, or null otherwise
 * @param operation the operation name with its {@code $}, or null
 */
record RequestTarget(String type, String operation) {
	static final RequestTarget NONE = new RequestTarget(null, null);
	/** The token endpoint, keyed {@code token} for faults and counts. */
	static final RequestTarget TOKEN = new RequestTarget("token", null);
	static final String TOKEN_PATH = "/auth/token";
	private static final String FHIR = "/fhir";

	/** True when a fault rule's key names this target: a resource type or an operation. */
	boolean matches(String key) {
		return key.equals(type) || key.equals(operation);
	}

	/** Which search each page id belongs to, learned from the {@code next} links the fake hands out. */
	static final class Pages {
		private final Map<String, RequestTarget> byPageId = new ConcurrentHashMap<>();

		void remember(String nextUrl, RequestTarget target) {
			String pageId = queryParameter(nextUrl.contains("?") ? nextUrl.substring(nextUrl.indexOf('?') + 1) : "", "_getpages");
			if (pageId != null && target.type() != null) {
				byPageId.put(pageId, target);
			}
		}

		RequestTarget of(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.equals(TOKEN_PATH)) {
				return TOKEN;
			}
			if (!path.equals(FHIR) && !path.startsWith(FHIR + "/")) {
				return NONE;
			}
			String[] segments = path.substring(FHIR.length()).replaceFirst("^/+", "").split("/");
			if (segments[0].isEmpty()) {
				String pageId = queryParameter(request.getQueryString(), "_getpages");
				return pageId == null ? NONE : byPageId.getOrDefault(pageId, NONE);
			}
			String last = segments[segments.length - 1];
			String operation = last.startsWith("$") ? last : null;
			String type = segments[0].startsWith("$") ? null : segments[0];
			return new RequestTarget(type, operation);
		}
	}

	private static String queryParameter(String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}
}
