package dev.recourse.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

	@Test
	void unset_takesDefaults() {
		RequestLimits limits = new RequestLimits(0, 0, 0);

		assertThat(limits.defaultPageSize()).isEqualTo(20);
		assertThat(limits.maxPageSize()).isEqualTo(200);
		assertThat(limits.maxRequestBytes()).isEqualTo(10L * 1024 * 1024);
	}

	@Test
	void defaultAboveMaximum_isRefusedAtStartup() {
		assertThatThrownBy(() -> new RequestLimits(300, 200, 1024))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("default-page-size");
	}
}
