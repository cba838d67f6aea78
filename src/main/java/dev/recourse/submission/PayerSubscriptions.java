package dev.recourse.submission;

import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.submission.SubmissionProperties.Payer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Our PAS Subscriptions at the payers configured with {@code subscribe}: the payer's record (created once under a fixed
 * id) → nothing to do when it is made or not yet due → claim it with a new secret (a version-checked update: of several
 * instances one sends) → {@code POST Subscription} at the payer → settle: completed naming the payer's Subscription, or
 * waiting for a later try. The receiver asks {@link #accepts} whether a notification carries the secret.
 */
@Service
class PayerSubscriptions {
	private static final Logger log = LoggerFactory.getLogger(PayerSubscriptions.class);
	private final SubmissionProperties settings;
	private final DecisionNoticeProperties notices;
	private final SubmissionOutbox outbox;
	private final PayerEndpoints payers;
	private final PayerClient client;

	PayerSubscriptions(SubmissionProperties settings, DecisionNoticeProperties notices, SubmissionOutbox outbox, PayerEndpoints payers,
			PayerClient client) {
		this.settings = settings;
		this.notices = notices;
		this.outbox = outbox;
		this.payers = payers;
		this.client = client;
		if (!subscribing().isEmpty()) {
			checkConfigured(notices);
		}
	}

	List<Payer> subscribing() {
		return settings.payers().stream().filter(Payer::subscribe).toList();
	}

	/** The payer's subscription record as this call left it: made, being made by another instance, or waiting for a retry. */
	Task ensure(Payer payer) {
		Instant now = Instant.now();
		Task record = outbox.createOnce(PayerSubscriptionTask.of(payer.id(), now));
		if (!SubmissionTask.due(record, now)) {
			return record;
		}
		String secret = PayerSubscriptionRequest.newSecret();
		Optional<Task> claimed = outbox.claim(record, task -> PayerSubscriptionTask.expecting(task, secret));
		if (claimed.isEmpty()) {
			return outbox.find(record.getIdElement().getIdPart()).orElseThrow();
		}
		Task outcome = subscribe(payer, claimed.get(), secret);
		return outbox.settle(outcome, claimed.get()).orElseGet(() -> outbox.find(record.getIdElement().getIdPart()).orElseThrow());
	}

	/** Does this secret open the receiver of this payer: a subscribing payer whose record expects it (constant time). */
	boolean accepts(String payerId, String secret) {
		if (secret == null || subscribing().stream().noneMatch(payer -> payer.id().equals(payerId))) {
			return false;
		}
		Optional<String> expected = outbox.find(PayerSubscriptionTask.idFor(payerId)).flatMap(PayerSubscriptionTask::secretDigest);
		return expected.isPresent() && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
				PayerSubscriptionTask.digest(secret).getBytes(StandardCharsets.US_ASCII));
	}

	private Task subscribe(Payer payer, Task claimed, String secret) {
		PayerAnswer answer;
		EhrConnection connection = null;
		try {
			connection = payers.connection(payer.id());
			Subscription request = PayerSubscriptionRequest.of(notices.receiverUrl(payer.id()), notices.organizationIdentifier(), secret);
			answer = client.subscribe(connection, request);
		} catch (RecourseException unusable) {
			answer = PayerAnswer.of(PayerAnswer.Kind.NOT_DELIVERED, unusable.getMessage());
		}
		if (answer.kind() == PayerAnswer.Kind.ANSWERED) {
			String created = connection.baseUrl() + "/Subscription/" + answer.resource().getIdElement().getIdPart();
			log.info("Subscribed to the PAS decision notifications of payer {}: {}", payer.id(), created);
			return PayerSubscriptionTask.completed(claimed, created);
		}
		Instant next = outbox.nextAttempt(SubmissionTask.attempts(claimed), Instant.now());
		log.warn("Subscribing at payer {} failed ({}); next try from {}", payer.id(), answer.reason(), next);
		return SubmissionTask.retryLater(claimed, answer.reason(), answer.kind() == PayerAnswer.Kind.UNKNOWN, next);
	}

	private static void checkConfigured(DecisionNoticeProperties notices) {
		String prefix = "recourse.submission.decision-notices.";
		if (notices.organizationIdentifier().isEmpty()) {
			throw new IllegalStateException(prefix + "organization-identifier must be set when a payer is subscribed to");
		}
		try {
			URI base = URI.create(notices.publicBaseUrl());
			if (!base.isAbsolute() || !List.of("http", "https").contains(base.getScheme()) || base.getHost() == null) {
				throw new IllegalArgumentException("not an http(s) URL");
			}
		} catch (IllegalArgumentException e) {
			throw new IllegalStateException(prefix + "public-base-url must be this server's http(s) address as the payers reach it", e);
		}
	}
}
