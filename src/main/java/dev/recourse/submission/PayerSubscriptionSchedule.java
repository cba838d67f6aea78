package dev.recourse.submission;

import dev.recourse.submission.SubmissionProperties.Payer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Subscribes at the payers once their Endpoints are registered (after {@link PayerEndpoints} at start-up), on a
 * background thread so that a payer that is down does not hold up readiness, then again every
 * {@code decision-notices.retry-interval} for those not yet subscribed to (a made subscription is only read).
 */
@Component
public class PayerSubscriptionSchedule {
	private static final Logger log = LoggerFactory.getLogger(PayerSubscriptionSchedule.class);
	private final PayerSubscriptions subscriptions;
	private final DecisionNoticeProperties settings;
	private ScheduledExecutorService schedule;

	PayerSubscriptionSchedule(PayerSubscriptions subscriptions, DecisionNoticeProperties settings) {
		this.subscriptions = subscriptions;
		this.settings = settings;
	}

	@Order(7)
	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		if (subscriptions.subscribing().isEmpty() || schedule != null) {
			return;
		}
		schedule = dev.recourse.outbox.OutboxSchedule.daemon("payer-subscriptions");
		long millis = settings.retryInterval().toMillis();
		if (millis == 0) {
			schedule.execute(this::ensureAll);
		} else {
			schedule.scheduleWithFixedDelay(this::ensureAll, 0, millis, TimeUnit.MILLISECONDS);
		}
	}

	@jakarta.annotation.PreDestroy
	synchronized void stop() {
		if (schedule != null) {
			schedule.shutdownNow();
		}
	}

	/** One pass over the subscribing payers; one payer's failure does not keep the others from theirs. */
	public void ensureAll() {
		for (Payer payer : subscriptions.subscribing()) {
			try {
				subscriptions.ensure(payer);
			} catch (RuntimeException e) {
				log.warn("Subscribing at payer {} failed; tried again in {}: {}", payer.id(), settings.retryInterval(), e.toString());
			}
		}
	}
}
