package dev.recourse.outbox;

import java.time.Duration;

/**
 * When an outbox is drained and how its attempts are paced; a feature's settings carry one.
 *
 * @param drainInterval how often every instance drains; zero: never by schedule
 * @param lease how long a claimed record is its claimer's before another instance may take it over
 * @param initialBackoff wait before the first retry; doubles each attempt up to {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts attempts before the record is given up (status failed)
 * @param connectTimeout to open a connection to the recipient
 * @param readTimeout between bytes of the recipient's answer
 */
public record OutboxTiming(Duration drainInterval, Duration lease, Duration initialBackoff, Duration maxBackoff, int maxAttempts,
		Duration connectTimeout, Duration readTimeout) {

	public OutboxTiming {
		drainInterval = drainInterval == null ? Duration.ofSeconds(30) : drainInterval;
		lease = lease == null ? Duration.ofMinutes(5) : lease;
		initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
		maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
		maxAttempts = maxAttempts > 0 ? maxAttempts : 12;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
	}

	/** Every setting at its default. */
	public static OutboxTiming defaults() {
		return new OutboxTiming(null, null, null, null, 0, null, null);
	}

	/**
	 * Refuses a lease that can run out while its holder still waits for the recipient: a second sender would get in.
	 *
	 * @param prefix the settings' property prefix, for the message
	 */
	public OutboxTiming requireLeaseCoversAttempt(String prefix) {
		if (lease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(2)) < 0) {
			throw new IllegalStateException(prefix + ".lease (" + lease + ") must be at least twice connect-timeout + read-timeout ("
					+ connectTimeout.plus(readTimeout) + ")");
		}
		return this;
	}

	/** When the attempt after {@code attempts} is due: the initial backoff doubled per attempt, at most the max. */
	public java.time.Instant nextAttempt(int attempts, java.time.Instant now) {
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
		long millis = Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
		return now.plusMillis(millis);
	}
}
