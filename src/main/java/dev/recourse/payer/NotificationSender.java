package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.security.guard.OutboundUrlPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * POSTs one notification to a Subscription's rest-hook endpoint: {@code application/fhir+json}, the channel's headers,
 * the Bundle as the body. One request per call, never retried here (the outbox decides), never redirected (a redirect
 * would leave the URL the outbound policy checked, which is asked again before every call). The recipient's answer
 * is sorted: delivered (2xx); worth another attempt (no connection, lost connection, 408, 429, 5xx); refused (any
 * other answer — sending the same notification again cannot change it).
 */
@Component
class NotificationSender {
	private final HttpClient http;
	private final PayerNotificationProperties settings;
	private final OutboundUrlPolicy outbound;
	private final FhirContext fhirContext;

	NotificationSender(PayerNotificationProperties settings, OutboundUrlPolicy outbound, FhirContext fhirContext) {
		this.settings = settings;
		this.outbound = outbound;
		this.fhirContext = fhirContext;
		this.http = HttpClient.newBuilder().connectTimeout(settings.delivery().connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	enum Outcome { DELIVERED, RETRY, REFUSED }

	/** @param reason what happened, safe to keep and log: no URL, no header, no content */
	record Sent(Outcome outcome, String reason) {
	}

	Sent send(PasSubscription subscription, Bundle notification) {
		if (outbound.refusal(subscription.endpoint()).isPresent()) {
			// the allow-list changed since the Subscription was accepted; the reason names no URL, it is logged and kept
			return new Sent(Outcome.REFUSED, "the endpoint is no longer under recourse.security.outbound-allowed-urls");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.endpoint()))
				.timeout(settings.delivery().readTimeout()).header("Content-Type", PasSubscription.FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(notification)));
		subscription.headerPairs().forEach(header -> request.header(header[0], header[1]));
		try {
			return sorted(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
		} catch (IOException lost) {
			return new Sent(Outcome.RETRY, "the endpoint could not be reached or the connection was lost (" + lost.getClass().getSimpleName() + ")");
		} catch (IllegalArgumentException unusable) {
			return new Sent(Outcome.REFUSED, "the endpoint or a channel header cannot be sent to");
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return new Sent(Outcome.RETRY, "interrupted while waiting for the endpoint");
		}
	}

	private static Sent sorted(int status) {
		String reason = "the endpoint answered HTTP " + status;
		if (status >= 200 && status < 300) {
			return new Sent(Outcome.DELIVERED, reason);
		}
		boolean transientFailure = status >= 500 || status == 408 || status == 429;
		return new Sent(transientFailure ? Outcome.RETRY : Outcome.REFUSED, reason);
	}
}
