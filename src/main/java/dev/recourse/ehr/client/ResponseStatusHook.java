package dev.recourse.ehr.client;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Turns a 429 into {@link Throttled} carrying {@code Retry-After} (seconds or an HTTP date), which HAPI's
 * client would otherwise drop with the other headers of an error answer.
 */
final class ResponseStatusHook {
	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
	private final Clock clock;

	ResponseStatusHook(Clock clock) {
		this.clock = clock;
	}

	@Hook(Pointcut.CLIENT_RESPONSE)
	public void onResponse(IHttpResponse response) {
		if (response.getStatus() == 429) {
			Duration wait = retryAfter(response.getHeaders("Retry-After"));
			response.close();
			throw new Throttled(wait);
		}
	}

	Duration retryAfter(List<String> values) {
		if (values == null || values.isEmpty() || values.get(0).isBlank()) {
			return DEFAULT_WAIT;
		}
		String value = values.get(0).trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		} catch (NumberFormatException notSeconds) {
			return untilDate(value);
		}
	}

	private Duration untilDate(String value) {
		try {
			Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return until.isNegative() ? Duration.ZERO : until;
		} catch (DateTimeParseException e) {
			return DEFAULT_WAIT;
		}
	}
}
