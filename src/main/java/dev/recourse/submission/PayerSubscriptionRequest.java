package dev.recourse.submission;

import java.security.SecureRandom;
import java.util.Base64;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;

/**
 * The PAS Subscription (R4 Subscriptions Backport, as PAS's own example) asking a payer for the decisions on our
 * requests: the PAS topic filtered to our organization, rest-hook to our receiver with the full resource, the secret
 * as the Authorization header the payer sends back.
 */
final class PayerSubscriptionRequest {
	static final String TOPIC = "http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic";
	static final String FILTER_CRITERIA = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria";
	static final String PAYLOAD_CONTENT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";
	static final String PROFILE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-subscription";
	private static final SecureRandom RANDOM = new SecureRandom();

	private PayerSubscriptionRequest() {
	}

	/** A new secret: 256 random bits, URL-safe. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static Subscription of(String receiverUrl, String organizationIdentifier, String secret) {
		Subscription subscription = new Subscription();
		subscription.getMeta().addProfile(PROFILE);
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
		subscription.setReason("Decisions on the prior authorization requests of our organization");
		subscription.setCriteria(TOPIC);
		subscription.getCriteriaElement().addExtension(FILTER_CRITERIA, new StringType("orgIdentifier=" + organizationIdentifier));
		Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
		channel.setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(receiverUrl).setPayload("application/fhir+json");
		channel.getPayloadElement().addExtension(PAYLOAD_CONTENT, new CodeType("full-resource"));
		channel.addHeader("Authorization: Bearer " + secret);
		return subscription;
	}
}
