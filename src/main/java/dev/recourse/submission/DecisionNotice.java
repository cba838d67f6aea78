package dev.recourse.submission;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * One notification a payer posted (R4 Subscriptions Backport, full-resource payload), as read.
 *
 * @param type handshake, heartbeat, event-notification (or a status query's answer)
 * @param events the decisions it carries; none unless an event-notification
 */
record DecisionNotice(String type, List<Event> events) {
	static final String EVENT_NOTIFICATION = "event-notification";

	DecisionNotice {
		events = List.copyOf(events);
	}

	boolean carriesEvents() {
		return EVENT_NOTIFICATION.equals(type);
	}

	/**
	 * One notification-event.
	 *
	 * @param number the payer's event number (kept for messages; repeated delivery is recognized by content)
	 * @param timestamp when the event happened at the payer; null when not given
	 * @param response the PAS response Bundle it focuses on: ClaimResponse first, identifier = our packet's identifier
	 * @param element where in the notification the response sits, for error messages
	 */
	record Event(String number, Instant timestamp, Bundle response, String element) {
		String key() {
			return response.getIdentifier().getValue();
		}
	}
}
