package dev.recourse.payer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A PAS decision notification as the R4 Subscriptions Backport sends it (rest-hook, full-resource): a {@code history}
 * Bundle whose first entry is the subscription status Parameters ({@code backport-subscription-status-r4}: subscription,
 * topic, status, type event-notification, events-since-subscription-start, one notification-event with its number,
 * timestamp and focus) and whose second is the focus itself, the PAS response Bundle of the decided request. Entry
 * requests follow PAS's example notification: GET of the Subscription's {@code $status}; the answer as the request's
 * {@code Claim/$submit} would give it now.
 */
final class NotificationBundle {
	static final String STATUS_PROFILE = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";

	private NotificationBundle() {
	}

	/**
	 * One event for one Subscription.
	 *
	 * @param subscription the Subscription's absolute URL here
	 * @param number the event's number, counted per Subscription from 1
	 * @param timestamp when the event happened: the decision
	 * @param answer the PAS response Bundle the event is about
	 */
	record Event(String subscription, long number, Instant timestamp, Bundle answer) {
	}

	static Bundle of(Event event, Instant now) {
		String focus = "urn:uuid:" + uuid(event, "focus");
		Bundle notification = new Bundle().setType(Bundle.BundleType.HISTORY).setTimestamp(Date.from(now));
		notification.addEntry().setFullUrl("urn:uuid:" + uuid(event, "status")).setResource(status(event, focus))
				.setRequest(new Bundle.BundleEntryRequestComponent().setMethod(Bundle.HTTPVerb.GET).setUrl(event.subscription() + "/$status"))
				.setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
		notification.addEntry().setFullUrl(focus).setResource(event.answer())
				.setRequest(new Bundle.BundleEntryRequestComponent().setMethod(Bundle.HTTPVerb.POST).setUrl("Claim/$submit"))
				.setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
		return notification;
	}

	private static Parameters status(Event event, String focus) {
		Parameters status = new Parameters();
		status.getMeta().addProfile(STATUS_PROFILE);
		status.addParameter().setName("subscription").setValue(new Reference(event.subscription()));
		status.addParameter().setName("topic").setValue(new CanonicalType(PasSubscription.TOPIC));
		status.addParameter().setName("status").setValue(new CodeType("active"));
		status.addParameter().setName("type").setValue(new CodeType("event-notification"));
		status.addParameter().setName("events-since-subscription-start").setValue(new StringType(String.valueOf(event.number())));
		Parameters.ParametersParameterComponent happened = status.addParameter().setName("notification-event");
		happened.addPart().setName("event-number").setValue(new StringType(String.valueOf(event.number())));
		happened.addPart().setName("timestamp").setValue(new InstantType(Date.from(event.timestamp())));
		happened.addPart().setName("focus").setValue(new Reference(focus));
		return status;
	}

	/** The same for every attempt at one event, so a receiver sees a retried notification as the same one. */
	private static UUID uuid(Event event, String part) {
		return UUID.nameUUIDFromBytes((event.subscription() + "#" + event.number() + "#" + part).getBytes(StandardCharsets.UTF_8));
	}
}
