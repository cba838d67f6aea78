package dev.recourse.filing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of filings past the plan ({@code recourse.filing.*}).
 *
 * @param clockSweepInterval how often every instance looks for payer decision clocks that ran out; zero: never
 * @param missedClockLookback how far back a due time is still looked at: a miss is recorded on the first pass after it
 *        happens, so older ones need no second look, and each pass reads only this window's submissions
 */
@ConfigurationProperties("recourse.filing")
public record FilingProperties(Duration clockSweepInterval, Duration missedClockLookback) {
	public FilingProperties {
		clockSweepInterval = clockSweepInterval == null ? Duration.ofMinutes(5) : clockSweepInterval;
		missedClockLookback = missedClockLookback == null ? Duration.ofDays(90) : missedClockLookback;
		if (clockSweepInterval.isNegative() || (missedClockLookback.isNegative() || missedClockLookback.isZero())) {
			throw new IllegalArgumentException("recourse.filing: clock-sweep-interval must not be negative and missed-clock-lookback must be positive");
		}
	}
}
