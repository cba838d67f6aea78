package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The backport notification Bundle: status Parameters first, the PAS answer second, the focus pointing at it. */
class NotificationBundleTest {
	private static final Instant DECIDED = Instant.parse("2026-11-23T12:00:00Z");
	private static final String SUBSCRIPTION = "https://payer.example.org/fhir/Subscription/42";

	@Test
	void notification_isAHistoryBundle_statusThenFocus() {
		Bundle answer = new Bundle().setType(Bundle.BundleType.COLLECTION);

		Bundle notification = NotificationBundle.of(new NotificationBundle.Event(SUBSCRIPTION, 3, DECIDED, answer), DECIDED.plusSeconds(5));

		assertThat(notification.getType()).isEqualTo(Bundle.BundleType.HISTORY);
		assertThat(notification.getEntry()).hasSize(2);
		assertThat(notification.getEntry()).allSatisfy(entry -> {
			assertThat(entry.getRequest().hasMethod()).isTrue();
			assertThat(entry.getResponse().getStatus()).isEqualTo("200");
		});
		assertThat(notification.getEntry().get(0).getRequest().getUrl()).isEqualTo(SUBSCRIPTION + "/$status");
		assertThat(notification.getEntry().get(1).getResource()).isSameAs(answer);
	}

	@Test
	void status_carriesSubscriptionTopicTypeCountAndTheEvent() {
		Bundle notification = NotificationBundle.of(new NotificationBundle.Event(SUBSCRIPTION, 3, DECIDED, new Bundle()), DECIDED);
		Parameters status = (Parameters) notification.getEntry().get(0).getResource();

		assertThat(status.getMeta().getProfile().get(0).getValue()).isEqualTo(NotificationBundle.STATUS_PROFILE);
		assertThat(((Reference) status.getParameter("subscription").getValue()).getReference()).isEqualTo(SUBSCRIPTION);
		assertThat(status.getParameter("topic").getValue().fhirType()).isEqualTo("canonical");
		assertThat(status.getParameter("topic").getValue().primitiveValue()).isEqualTo(PasSubscription.TOPIC);
		assertThat(status.getParameter("status").getValue().primitiveValue()).isEqualTo("active");
		assertThat(status.getParameter("type").getValue().primitiveValue()).isEqualTo("event-notification");
		assertThat(status.getParameter("events-since-subscription-start").getValue().fhirType()).isEqualTo("string");
		assertThat(status.getParameter("events-since-subscription-start").getValue().primitiveValue()).isEqualTo("3");
		Parameters.ParametersParameterComponent event = status.getParameter("notification-event");
		assertThat(event.getPart()).extracting(Parameters.ParametersParameterComponent::getName)
				.containsExactly("event-number", "timestamp", "focus");
		assertThat(event.getPart().get(0).getValue().primitiveValue()).isEqualTo("3");
		assertThat(((InstantType) event.getPart().get(1).getValue()).getValue().toInstant()).isEqualTo(DECIDED);
		assertThat(((Reference) event.getPart().get(2).getValue()).getReference()).isEqualTo(notification.getEntry().get(1).getFullUrl());
	}

	@Test
	void retriedNotification_hasTheSameFullUrls_otherEventsOtherOnes() {
		var event = new NotificationBundle.Event(SUBSCRIPTION, 3, DECIDED, new Bundle());

		Bundle first = NotificationBundle.of(event, DECIDED);
		Bundle again = NotificationBundle.of(event, DECIDED.plusSeconds(60));
		Bundle next = NotificationBundle.of(new NotificationBundle.Event(SUBSCRIPTION, 4, DECIDED, new Bundle()), DECIDED);

		assertThat(again.getEntry().get(1).getFullUrl()).isEqualTo(first.getEntry().get(1).getFullUrl()).startsWith("urn:uuid:");
		assertThat(next.getEntry().get(1).getFullUrl()).isNotEqualTo(first.getEntry().get(1).getFullUrl());
	}
}
