package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's settings: defaults, and a lease that cannot run out while its holder still waits for the payer. */
class SubmissionPropertiesTest {

	@Test
	void defaults_areValid() {
		SubmissionProperties defaults = new SubmissionProperties(null, null, null, null, null, 0, null, null);

		assertThat(defaults.lease()).isEqualTo(Duration.ofMinutes(5));
		assertThat(defaults.maxAttempts()).isEqualTo(12);
		assertThat(defaults.payers()).isEmpty();
	}

	@Test
	void leaseShorterThanTwiceThePayerTimeouts_isRefused() {
		assertThatThrownBy(() -> new SubmissionProperties(null, null, Duration.ofSeconds(30), null, null, 0,
				Duration.ofSeconds(5), Duration.ofSeconds(20)))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("recourse.submission.lease");
	}
}
