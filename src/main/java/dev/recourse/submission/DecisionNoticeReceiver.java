package dev.recourse.submission;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A payer's notification at {@code /pas-notifications/<payer id>}: authenticate it by the secret of our subscription at
 * that payer (401) → FHIR JSON? (415) → read it (400, 422) → handshake or heartbeat: acknowledged, nothing changes →
 * each event: the submission its PAS response names by our packet's identifier, sent to this payer (422 when there is
 * none: a request we never sent it; 409 while our own delivery of it is unsettled) → keep the answer and move the case
 * ({@link DecidedAnswers}: a repeated or late delivery changes nothing).
 */
@Service
class DecisionNoticeReceiver {
	private static final Logger log = LoggerFactory.getLogger(DecisionNoticeReceiver.class);
	private final PayerSubscriptions subscriptions;
	private final SubmissionOutbox outbox;
	private final DecidedAnswers answers;
	private final FhirContext fhirContext;

	DecisionNoticeReceiver(PayerSubscriptions subscriptions, SubmissionOutbox outbox, DecidedAnswers answers, FhirContext fhirContext) {
		this.subscriptions = subscriptions;
		this.outbox = outbox;
		this.answers = answers;
		this.fhirContext = fhirContext;
	}

	/**
	 * One delivery as it came over HTTP.
	 *
	 * @param payerId the payer the receiver URL names
	 * @param authorization the Authorization header, null when absent
	 */
	record Delivery(String payerId, String authorization, String contentType, String body) {
	}

	/** What became of the notification, one line per event (or one for a handshake or heartbeat). */
	List<String> receive(Delivery delivery) {
		if (!subscriptions.accepts(delivery.payerId(), bearer(delivery.authorization()))) {
			throw new RecourseException(RecourseError.UNAUTHORIZED, "Authorization",
					"Send the bearer secret of your subscription for this receiver in the Authorization header");
		}
		checkMediaType(delivery.contentType());
		DecisionNotice notice = DecisionNoticeReader.read(fhirContext, delivery.body());
		if (!notice.carriesEvents()) {
			log.info("Decision notice from payer {}: {}", delivery.payerId(), notice.type());
			return List.of("Received " + notice.type() + "; nothing to record");
		}
		List<String> outcomes = new ArrayList<>();
		for (DecisionNotice.Event event : notice.events()) {
			DecidedAnswers.Kept kept = answers.keep(submission(delivery.payerId(), event), event);
			log.info("Decision notice from payer {}: event {} {}", delivery.payerId(), event.number(), kept.changed() ? "recorded" : "unchanged");
			outcomes.add(kept.message());
		}
		return outcomes;
	}

	private Task submission(String payerId, DecisionNotice.Event event) {
		Task submission = outbox.find(SubmissionTask.idFor(event.key()))
				.filter(task -> payerId.equals(SubmissionTask.endpointId(task)))
				.orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, event.element() + ".identifier",
						"No request sent to you has the identifier " + event.key() + ": we cannot match this decision"));
		if (submission.getStatus() != Task.TaskStatus.COMPLETED) {
			throw new RecourseException(RecourseError.CONFLICT, event.element() + ".identifier", "Our submission of "
					+ event.key() + " is still being delivered; deliver this notification again once it has your answer");
		}
		return submission;
	}

	private static String bearer(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return authorization.substring(7).strip();
	}

	private static void checkMediaType(String contentType) {
		String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
		if (!type.equals("application/fhir+json") && !type.equals("application/json")) {
			throw new RecourseException(RecourseError.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
					"Notifications are FHIR JSON (application/fhir+json)");
		}
	}
}
