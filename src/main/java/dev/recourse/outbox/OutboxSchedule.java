package dev.recourse.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one outbox's drain pass every interval on a daemon thread of its own; a failed pass is logged (its exception's
 * type and message, never a record's content) and the next one comes as planned. Zero interval: never.
 */
public final class OutboxSchedule {
	private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);
	private final String name;
	private ScheduledExecutorService schedule;

	/** @param name the thread's name and what the log calls it */
	public OutboxSchedule(String name) {
		this.name = name;
	}

	public synchronized void start(Duration interval, Runnable pass) {
		if (interval.isZero() || schedule != null) {
			return;
		}
		schedule = daemon(name);
		long millis = interval.toMillis();
		schedule.scheduleWithFixedDelay(() -> {
			try {
				pass.run();
			} catch (RuntimeException e) {
				log.warn("Draining {} failed; next pass in {}: {}", name, interval, e.toString());
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** One daemon thread of this name: the server's own background work, which must not keep the JVM alive. */
	public static ScheduledExecutorService daemon(String threadName) {
		return Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	public synchronized void stop() {
		if (schedule != null) {
			schedule.shutdownNow();
		}
	}
}
