package dev.recourse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import org.junit.jupiter.api.Test;

class MetricsPeriodTest {
	@Test
	void bothDaysAreIncluded_inUtcSeconds() {
		MetricsPeriod period = MetricsPeriod.of("2026-01-01", "2026-01-31");

		assertThat(period.fromSecond()).isEqualTo(1767225600L); // 2026-01-01T00:00:00Z
		assertThat(period.untilSecond() - period.fromSecond()).isEqualTo(31 * 86400L);
	}

	@Test
	void missingMalformedReversedOrTooLong_namesTheParameter() {
		assertThatThrownBy(() -> MetricsPeriod.of(null, "2026-01-31")).isInstanceOfSatisfying(RecourseException.class,
				e -> assertThat(e.getMessage()).contains("periodStart"));
		assertThatThrownBy(() -> MetricsPeriod.of("2026-01-01", "31/01/2026")).isInstanceOfSatisfying(RecourseException.class,
				e -> assertThat(e.getMessage()).contains("periodEnd"));
		assertThatThrownBy(() -> MetricsPeriod.of("2026-02-01", "2026-01-31")).hasMessageContaining("before");
		assertThatThrownBy(() -> MetricsPeriod.of("2000-01-01", "2026-01-31")).hasMessageContaining("ten years");
	}
}
