package dev.recourse.ehr.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseStatusHookTest {
	private final ResponseStatusHook hook = new ResponseStatusHook(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void retryAfter_inSeconds() {
		assertThat(hook.retryAfter(List.of("7"))).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void retryAfter_asHttpDate() {
		assertThat(hook.retryAfter(List.of("Mon, 23 Nov 2026 10:00:30 GMT"))).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void retryAfter_missingOrUnreadable_waitsOneSecond() {
		assertThat(hook.retryAfter(List.of())).isEqualTo(Duration.ofSeconds(1));
		assertThat(hook.retryAfter(List.of("soon"))).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void retryAfter_inThePast_isNoWait() {
		assertThat(hook.retryAfter(List.of("Mon, 23 Nov 2026 09:00:00 GMT"))).isZero();
	}
}
