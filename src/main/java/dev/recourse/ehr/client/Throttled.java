package dev.recourse.ehr.client;

import java.time.Duration;

/** The EHR answered 429; thrown from the response hook so the retry can wait what the EHR asked. */
final class Throttled extends RuntimeException {
	private final Duration retryAfter;

	Throttled(Duration retryAfter) {
		super("The EHR answered 429 Too Many Requests", null, false, false);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return retryAfter;
	}
}
