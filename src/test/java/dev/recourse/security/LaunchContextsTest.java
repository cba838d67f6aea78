package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LaunchContextsTest {
	private final MovableClock clock = new MovableClock();
	private final LaunchContexts launches = new LaunchContexts(clock);

	@Test
	void launch_namesItsPatient_untilItExpires() {
		String launch = launches.open("patient-1");

		assertThat(launches.patient(launch)).contains("patient-1");
		clock.advance(LaunchContexts.LIFETIME.minusSeconds(1));
		assertThat(launches.patient(launch)).as("still open, and usable again").contains("patient-1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(launches.patient(launch)).isEmpty();
	}

	@Test
	void launchIds_areUnguessableAndDistinct() {
		String first = launches.open("patient-1");
		String second = launches.open("patient-1");

		assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void unknownLaunch_hasNoPatient() {
		assertThat(launches.patient("no-such-launch")).isEmpty();
		assertThat(launches.patient(null)).isEmpty();
	}

	@Test
	void expiredLaunches_makeRoomForNewOnes() {
		String old = launches.open("patient-1");
		clock.advance(LaunchContexts.LIFETIME);

		String fresh = launches.open("patient-2");

		assertThat(launches.patient(old)).isEmpty();
		assertThat(launches.patient(fresh)).contains("patient-2");
	}

	private static final class MovableClock extends Clock {
		private Instant now = Instant.parse("2026-03-04T10:00:00Z");

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
