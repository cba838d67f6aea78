package dev.recourse.submission;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.param.TokenParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.server.LocalRepositories;
import dev.recourse.server.Searches;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox every {@code recourse.submission.drain-interval}: find the submissions waiting or stuck
 * (requested and due, or in-progress past their lease) → claim each → attempt it. Every instance on the database
 * drains; the claim lets one of them have each attempt.
 */
@Component
class OutboxDrainer {
	private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);
	private static final int BATCH = 50;
	private final LocalRepositories repositories;
	private final SubmissionOutbox outbox;
	private final SubmissionDelivery delivery;
	private final SubmissionProperties settings;
	private ScheduledExecutorService schedule;

	OutboxDrainer(LocalRepositories repositories, SubmissionOutbox outbox, SubmissionDelivery delivery, SubmissionProperties settings) {
		this.repositories = repositories;
		this.outbox = outbox;
		this.delivery = delivery;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		if (settings.drainInterval().isZero() || schedule != null) {
			return;
		}
		schedule = daemonSchedule("submission-outbox");
		long millis = settings.drainInterval().toMillis();
		schedule.scheduleWithFixedDelay(this::drainQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** One daemon thread of this name: the server's own background work, which must not keep the JVM alive. */
	static ScheduledExecutorService daemonSchedule(String threadName) {
		return Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	@jakarta.annotation.PreDestroy
	synchronized void stop() {
		if (schedule != null) {
			schedule.shutdownNow();
		}
	}

	/** One pass: every due submission this drainer manages to claim is attempted once. @return attempts made */
	int drainOnce() {
		int attempted = 0;
		for (Task submission : due()) {
			var claimed = outbox.claim(submission);
			if (claimed.isPresent()) {
				delivery.attempt(claimed.get());
				attempted++;
			}
		}
		return attempted;
	}

	private void drainQuietly() {
		try {
			drainOnce();
		} catch (RuntimeException e) {
			log.warn("Draining the submission outbox failed; next pass in {}: {}", settings.drainInterval(), e.toString());
		}
	}

	private List<Task> due() {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("code", List.of(new TokenParam(SubmissionTask.TASK_TYPE, SubmissionTask.CODE)));
		params.put("status", List.of(new TokenParam("requested"), new TokenParam("in-progress")));
		params.put("_count", List.of(new ca.uhn.fhir.rest.param.NumberParam(BATCH)));
		Instant now = Instant.now();
		return Searches.firstPage(repositories.forServer(), Task.class, params).stream()
				.filter(task -> SubmissionTask.due(task, now)).toList();
	}
}
