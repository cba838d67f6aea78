package dev.recourse.submission;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/**
 * A notification body → {@link DecisionNotice}: a history Bundle whose first entry is the SubscriptionStatus
 * Parameters ({@code type}, {@code notification-event} with {@code focus}) and whose other entries hold what the events
 * focus on — here PAS response Bundles (collection, ClaimResponse first, identifier echoing our request's). Not FHIR
 * JSON is 400; any other departure from that shape is 422 naming the element.
 */
final class DecisionNoticeReader {
	static final Set<String> TYPES = Set.of("handshake", "heartbeat", DecisionNotice.EVENT_NOTIFICATION, "query-status", "query-event");
	private static final String STATUS = "Bundle.entry[0].resource";

	private DecisionNoticeReader() {
	}

	static DecisionNotice read(FhirContext fhirContext, String body) {
		Bundle notification = notification(fhirContext, body);
		if (notification.getEntry().isEmpty() || !(notification.getEntryFirstRep().getResource() instanceof Parameters status)) {
			throw unprocessable(STATUS, "The notification's first entry must be the subscription status (Parameters)");
		}
		String type = status.getParameter("type") == null ? null : status.getParameter("type").getValue().primitiveValue();
		if (type == null || !TYPES.contains(type)) {
			throw unprocessable(STATUS + ".parameter('type')", "The subscription status needs a type: one of " + String.join(", ", TYPES.stream().sorted().toList()));
		}
		List<DecisionNotice.Event> events = new ArrayList<>();
		if (DecisionNotice.EVENT_NOTIFICATION.equals(type)) {
			List<Parameters.ParametersParameterComponent> declared = status.getParameters("notification-event");
			if (declared.isEmpty()) {
				throw unprocessable(STATUS + ".parameter('notification-event')", "An event-notification needs at least one notification-event");
			}
			for (int i = 0; i < declared.size(); i++) {
				events.add(event(notification, declared.get(i), STATUS + ".parameter('notification-event')[" + i + "]"));
			}
		}
		return new DecisionNotice(type, events);
	}

	private static Bundle notification(FhirContext fhirContext, String body) {
		IBaseResource parsed;
		try {
			parsed = fhirContext.newJsonParser().parseResource(body);
		} catch (DataFormatException | ClassCastException | IllegalArgumentException notFhir) {
			throw new RecourseException(RecourseError.INVALID_INPUT, null, "The body is not a FHIR JSON resource");
		}
		if (!(parsed instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.HISTORY) {
			throw unprocessable("Bundle.type", "A notification is a Bundle of type history (R4 Subscriptions Backport)");
		}
		return bundle;
	}

	private static DecisionNotice.Event event(Bundle notification, Parameters.ParametersParameterComponent event, String element) {
		String number = part(event, "event-number") == null ? null : part(event, "event-number").primitiveValue();
		Instant timestamp = part(event, "timestamp") instanceof BaseDateTimeType time && time.getValue() != null
				? time.getValue().toInstant() : null;
		if (!(part(event, "focus") instanceof Reference focus) || !focus.hasReference()) {
			throw unprocessable(element + ".part('focus')", "The notification-event names no focus: subscribe with full-resource payload");
		}
		int index = entryIndex(notification, focus.getReference());
		if (index < 0) {
			throw unprocessable(element + ".part('focus')", "The focus " + focus.getReference() + " is no entry's fullUrl in the notification");
		}
		String at = "Bundle.entry[" + index + "].resource";
		if (!(notification.getEntry().get(index).getResource() instanceof Bundle response)
				|| response.getType() != Bundle.BundleType.COLLECTION) {
			throw unprocessable(at, "The event's focus must be the PAS response Bundle (type collection)");
		}
		if (!response.hasIdentifier() || !response.getIdentifier().hasValue()) {
			throw unprocessable(at + ".identifier", "The PAS response Bundle must echo the request's identifier");
		}
		if (response.getEntry().isEmpty() || !(response.getEntryFirstRep().getResource() instanceof ClaimResponse)) {
			throw unprocessable(at + ".entry[0].resource", "The PAS response Bundle must hold the ClaimResponse as its first entry");
		}
		return new DecisionNotice.Event(number, timestamp, response, at);
	}

	private static org.hl7.fhir.r4.model.Type part(Parameters.ParametersParameterComponent event, String name) {
		return event.getPart().stream().filter(part -> name.equals(part.getName())).map(Parameters.ParametersParameterComponent::getValue)
				.findFirst().orElse(null);
	}

	private static int entryIndex(Bundle notification, String fullUrl) {
		for (int i = 1; i < notification.getEntry().size(); i++) {
			if (fullUrl.equals(notification.getEntry().get(i).getFullUrl())) {
				return i;
			}
		}
		return -1;
	}

	private static RecourseException unprocessable(String element, String message) {
		return new RecourseException(RecourseError.UNPROCESSABLE, element, message);
	}
}
