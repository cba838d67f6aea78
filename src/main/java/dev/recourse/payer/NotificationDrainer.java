package dev.recourse.payer;

import dev.recourse.outbox.OutboxSchedule;
import dev.recourse.outbox.TaskOutbox;
import dev.recourse.server.LocalRepositories;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drains the notification outbox every {@code recourse.payer.notifications.delivery.drain-interval}: the notifications
 * due (waiting, or claimed past their lease) → claim each by a version-checked update, so of several instances on one
 * database one has each attempt → attempt it ({@link NotificationDelivery}) → settle: delivered, retried after a
 * backoff, or failed. A claimer that dies leaves its claim to run out, and the next drain takes it over: a
 * notification is never lost, though one whose recipient answered just before the claimer died is sent again.
 */
@Component
class NotificationDrainer {
	private static final Logger log = LoggerFactory.getLogger(NotificationDrainer.class);
	private final TaskOutbox outbox;
	private final NotificationDelivery delivery;
	private final PayerNotificationProperties settings;
	private final OutboxSchedule schedule = new OutboxSchedule("notification-outbox");

	NotificationDrainer(LocalRepositories repositories, NotificationDelivery delivery, PayerNotificationProperties settings) {
		this.outbox = new TaskOutbox(repositories, settings.delivery(), NotificationTask.STATE, NotificationTask.CODING);
		this.delivery = delivery;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		schedule.start(settings.delivery().drainInterval(), this::drainOnce);
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		schedule.stop();
	}

	/** One pass: every due notification this drainer manages to claim is attempted once. @return attempts made */
	int drainOnce() {
		int attempted = 0;
		for (Task due : outbox.due()) {
			Optional<Task> claimed = outbox.claim(due);
			if (claimed.isPresent()) {
				settle(claimed.get(), delivery.attempt(claimed.get()));
				attempted++;
			}
		}
		return attempted;
	}

	private void settle(Task claimed, NotificationSender.Sent sent) {
		Task next = switch (sent.outcome()) {
			case DELIVERED -> NotificationTask.delivered(claimed);
			case REFUSED -> NotificationTask.STATE.failed(claimed, sent.reason());
			case RETRY -> outbox.attemptsSpent(claimed)
					? NotificationTask.STATE.failed(claimed, "gave up after " + NotificationTask.STATE.attempts(claimed) + " attempts; last: " + sent.reason())
					: NotificationTask.STATE.retryLater(claimed, sent.reason(), outbox.nextAttempt(NotificationTask.STATE.attempts(claimed), Instant.now()));
		};
		if (outbox.write(next, claimed).isEmpty()) {
			log.info("{}: taken over by another sender before its attempt was settled", claimed.getIdElement().getIdPart());
			return;
		}
		log.info("{}: {} ({})", claimed.getIdElement().getIdPart(), next.getStatus().toCode(), sent.reason());
	}
}
