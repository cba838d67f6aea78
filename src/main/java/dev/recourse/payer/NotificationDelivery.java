package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.common.RecourseException;
import dev.recourse.server.LocalRepositories;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * One attempt at a claimed notification: its Subscription, still active and PAS-shaped (else the notification
 * fails: nobody is listening for it) → the decided ClaimResponse version and the request as received → the PAS
 * response Bundle ({@link WireBundles}, as {@code Claim/$submit} answers it) → the notification Bundle → POST →
 * the Task's next state: delivered, waiting for the next attempt (backoff), or failed (refused, or attempts spent).
 */
@Component
class NotificationDelivery {
	private final LocalRepositories repositories;
	private final SubmissionRecords records;
	private final NotificationSender sender;
	private final FhirContext fhirContext;

	NotificationDelivery(LocalRepositories repositories, SubmissionRecords records, NotificationSender sender, FhirContext fhirContext) {
		this.repositories = repositories;
		this.records = records;
		this.sender = sender;
		this.fhirContext = fhirContext;
	}

	/** The attempt's outcome: what was sent, or why nothing could be. */
	NotificationSender.Sent attempt(Task claimed) {
		NotificationTask.Event event = NotificationTask.event(claimed);
		IRepository store = repositories.forServer();
		Optional<Subscription> subscription = read(store, Subscription.class, new IdType("Subscription", event.subscriptionId()))
				.filter(found -> found.getStatus() == Subscription.SubscriptionStatus.ACTIVE && PasSubscription.onTopic(found));
		if (subscription.isEmpty()) {
			return new NotificationSender.Sent(NotificationSender.Outcome.REFUSED, "the Subscription is gone or no longer active");
		}
		PasSubscription pas;
		try {
			pas = PasSubscription.of(subscription.get());
		} catch (RecourseException notPas) {
			return new NotificationSender.Sent(NotificationSender.Outcome.REFUSED, "the Subscription is no longer PAS-shaped");
		}
		Optional<Bundle> notification = notification(store, claimed, event);
		if (notification.isEmpty()) {
			return new NotificationSender.Sent(NotificationSender.Outcome.REFUSED, "the decided request is no longer on file");
		}
		return sender.send(pas, notification.get());
	}

	private Optional<Bundle> notification(IRepository store, Task claimed, NotificationTask.Event event) {
		IdType decidedId = new IdType(event.claimResponse()).withVersion(event.version());
		Optional<ClaimResponse> decided = read(store, ClaimResponse.class, decidedId);
		Optional<SubmissionRecords.Receipt> receipt = Optional.ofNullable(Submission.owning(decidedId.getIdPart())).flatMap(records::receipt);
		if (decided.isEmpty() || receipt.isEmpty()) {
			return Optional.empty();
		}
		String fhirBase = NotificationTask.fhirBase(claimed);
		Bundle received = receipt.get().received();
		Instant at = NotificationTask.decided(claimed);
		SubmissionRecords.Receipt on = receipt.get();
		// the decided version, with whatever the payer has asked for besides (document requests ride in the same answer)
		SubmissionRecords.Receipt asDecided = new SubmissionRecords.Receipt(on.submission(), on.digest(), on.recorded(), decided.get(),
				received, on.requests());
		Bundle answer = new WireBundles(fhirContext, fhirBase, WireBundles.Kind.SUBMIT_RESPONSE)
				.answer(asDecided, received.getIdentifier(), java.util.Date.from(at));
		String subscription = fhirBase + "/Subscription/" + event.subscriptionId();
		return Optional.of(NotificationBundle.of(new NotificationBundle.Event(subscription, event.number(), at, answer), Instant.now()));
	}

	private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> Optional<T> read(IRepository store, Class<T> type, IdType id) {
		try {
			return Optional.of(store.read(type, id));
		} catch (ResourceNotFoundException | ResourceGoneException none) {
			return Optional.empty();
		}
	}
}
