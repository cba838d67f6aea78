package dev.recourse.ehr.fake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The outermost filter: records every request with the status it got. Thread-safe. */
final class RequestLog extends HttpFilter {
	private final RequestTarget.Pages pages;
	private final List<RequestRecord> records = new ArrayList<>();

	RequestLog(RequestTarget.Pages pages) {
		this.pages = pages;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Instant arrived = Instant.now();
		RequestTarget target = pages.of(request);
		try {
			chain.doFilter(request, response);
		} finally {
			String query = request.getQueryString();
			String pathAndQuery = request.getRequestURI() + (query == null ? "" : "?" + query);
			record(new RequestRecord(request.getMethod(), pathAndQuery, target.type(), target.operation(),
					response.getStatus(), arrived));
		}
	}

	private synchronized void record(RequestRecord record) {
		records.add(record);
	}

	synchronized List<RequestRecord> records() {
		return List.copyOf(records);
	}

	/** Requests about a resource type or operation, pages of its searches included. */
	synchronized long count(String typeOrOperation) {
		return records.stream()
				.filter(r -> typeOrOperation.equals(r.resourceType()) || typeOrOperation.equals(r.operation()))
				.count();
	}

	synchronized void reset() {
		records.clear();
	}
}
