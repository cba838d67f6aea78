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
	// counted on arrival: a record is complete only after the answer has gone out, which a client can see first
	private final List<RequestTarget> arrivals = new ArrayList<>();

	RequestLog(RequestTarget.Pages pages) {
		this.pages = pages;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Instant arrived = Instant.now();
		RequestTarget target = pages.of(request);
		arrived(target);
		try {
			chain.doFilter(request, response);
		} finally {
			String query = request.getQueryString();
			String pathAndQuery = request.getRequestURI() + (query == null ? "" : "?" + query);
			record(new RequestRecord(request.getMethod(), pathAndQuery, target.type(), target.operation(),
					response.getStatus(), arrived));
		}
	}

	private synchronized void arrived(RequestTarget target) {
		arrivals.add(target);
	}

	private synchronized void record(RequestRecord record) {
		records.add(record);
	}

	synchronized List<RequestRecord> records() {
		return List.copyOf(records);
	}

	/** Requests about a resource type or operation, pages of its searches included. */
	synchronized long count(String typeOrOperation) {
		return arrivals.stream()
				.filter(target -> typeOrOperation.equals(target.type()) || typeOrOperation.equals(target.operation()))
				.count();
	}

	synchronized void reset() {
		records.clear();
		arrivals.clear();
	}
}
