package dev.recourse.submission;

import dev.recourse.outbox.OutboxSchedule;
import org.hl7.fhir.r4.model.Task;
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
	private final SubmissionOutbox outbox;
	private final SubmissionDelivery delivery;
	private final SubmissionProperties settings;
	private final OutboxSchedule schedule = new OutboxSchedule("submission-outbox");

	OutboxDrainer(SubmissionOutbox outbox, SubmissionDelivery delivery, SubmissionProperties settings) {
		this.outbox = outbox;
		this.delivery = delivery;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		schedule.start(settings.drainInterval(), this::drainOnce);
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		schedule.stop();
	}

	/** One pass: every due submission this drainer manages to claim is attempted once. @return attempts made */
	int drainOnce() {
		int attempted = 0;
		for (Task submission : outbox.due()) {
			var claimed = outbox.claim(submission);
			if (claimed.isPresent()) {
				delivery.attempt(claimed.get());
				attempted++;
			}
		}
		return attempted;
	}
}
