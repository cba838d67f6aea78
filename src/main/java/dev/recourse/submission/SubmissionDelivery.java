package dev.recourse.submission;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.server.LocalRepositories;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt at a claimed submission: read the packet version it names → when an earlier attempt may have reached
 * the payer, ask the payer ({@code Claim/$inquire}) and keep its answer if it has the request → else send it
 * ({@code Claim/$submit}) → settle: completed with the answer stored, waiting for the next attempt (with backoff,
 * noting whether this one may have reached the payer), or failed (refused, or attempts spent).
 */
@Component
class SubmissionDelivery {
	private static final Logger log = LoggerFactory.getLogger(SubmissionDelivery.class);
	private final LocalRepositories repositories;
	private final PayerEndpoints payers;
	private final PayerClient client;
	private final SubmissionOutbox outbox;
	private final PayerResponses responses;

	SubmissionDelivery(LocalRepositories repositories, PayerEndpoints payers, PayerClient client, SubmissionOutbox outbox, PayerResponses responses) {
		this.repositories = repositories;
		this.payers = payers;
		this.client = client;
		this.outbox = outbox;
		this.responses = responses;
	}

	/** The submission as this attempt left it (as read again when the claim was taken over meanwhile). */
	Task attempt(Task claimed) {
		Bundle packet = repositories.forServer().read(Bundle.class, new IdType(claimed.getFocus().getReference()));
		EhrConnection payer;
		try {
			payer = payers.connection(SubmissionTask.endpointId(claimed));
		} catch (RecourseException unusable) {
			return settle(claimed, PayerAnswer.of(PayerAnswer.Kind.NOT_DELIVERED, unusable.getMessage()), packet);
		}
		Optional<String> newer = supersededBy(packet);
		if (SubmissionTask.outcomeUnknown(claimed)) {
			PayerAnswer asked = client.inquire(payer, InquiryBundle.of(packet));
			if (asked.kind() != PayerAnswer.Kind.ANSWERED) {
				return settle(claimed, PayerAnswer.of(PayerAnswer.Kind.UNKNOWN, "an earlier attempt may have reached the payer and asking it failed: "
						+ asked.reason()), packet);
			}
			if (PayerResponses.claimResponse(asked.bundle()).isPresent()) {
				log.info("{}: the payer has the request already (found by Claim/$inquire); not sent again", claimed.getIdElement().getIdPart());
				return settle(claimed, asked, packet);
			}
		}
		if (newer.isPresent()) {
			// the payer does not have this one (never sent, or inquiry found nothing): filing it beside the newer packet would be a second request
			return outbox.settle(SubmissionTask.cancelled(claimed, "superseded before it reached the payer: the case's packet was assembled again ("
					+ newer.get() + "); submit that one"), claimed).orElseGet(() -> outbox.find(claimed.getIdElement().getIdPart()).orElseThrow());
		}
		return settle(claimed, client.submit(payer, packet), packet);
	}

	/** The case's packet now, when it is no longer the one this submission sends (re-assembled with other content). */
	private Optional<String> supersededBy(Bundle sent) {
		Bundle current = repositories.forServer().read(Bundle.class, sent.getIdElement().toUnqualifiedVersionless());
		boolean same = current.getIdentifier().getValue() != null && current.getIdentifier().getValue().equals(sent.getIdentifier().getValue());
		return same ? Optional.empty() : Optional.of("Bundle/" + current.getIdElement().getIdPart() + "/_history/" + current.getMeta().getVersionId());
	}

	private Task settle(Task claimed, PayerAnswer answer, Bundle packet) {
		Optional<Task> settled = switch (answer.kind()) {
			case ANSWERED -> PayerResponses.claimResponse(answer.bundle()).isPresent()
					? responses.store(claimed, answer.bundle(), packet)
					: outbox.settle(SubmissionTask.failed(claimed, "the payer answered without a ClaimResponse"), claimed);
			case REFUSED -> outbox.settle(SubmissionTask.failed(claimed, answer.reason()), claimed);
			case NOT_DELIVERED, UNKNOWN -> outbox.settle(later(claimed, answer), claimed);
		};
		settled.filter(task -> task.getStatus() == Task.TaskStatus.COMPLETED).ifPresent(this::linkToCase);
		return settled.orElseGet(() -> outbox.find(claimed.getIdElement().getIdPart()).orElseThrow());
	}

	private Task later(Task claimed, PayerAnswer answer) {
		boolean unknown = answer.kind() == PayerAnswer.Kind.UNKNOWN;
		if (outbox.attemptsSpent(claimed)) {
			return SubmissionTask.failed(claimed, "gave up after " + SubmissionTask.attempts(claimed) + " attempts; last: " + answer.reason()
					+ (unknown || SubmissionTask.outcomeUnknown(claimed) ? " (the payer may have the request: ask it before filing again)" : ""));
		}
		Instant next = outbox.nextAttempt(SubmissionTask.attempts(claimed), Instant.now());
		return SubmissionTask.retryLater(claimed, answer.reason(), unknown, next);
	}

	private void linkToCase(Task completed) {
		try {
			responses.linkToCase(completed);
		} catch (BaseServerResponseException e) {
			// the answer is kept with the submission; the next $submit of the case links it
			log.warn("{}: the case could not be linked to the payer's answer yet: {}", completed.getIdElement().getIdPart(), e.getMessage());
		}
	}
}
