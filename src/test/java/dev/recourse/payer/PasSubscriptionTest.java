package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/** The PAS shape of a Subscription: what is accepted, and the element each refusal names. */
class PasSubscriptionTest {
	private static final String ENDPOINT = "https://provider.example.org/pas-hook";

	@Test
	void theGuidesExampleShape_isAccepted_withItsFilterAndHeaders() {
		PasSubscription pas = PasSubscription.of(pas(s -> s.getChannel().addHeader("Authorization: Bearer abc")));

		assertThat(pas.filter()).isEqualTo(new OrgFilter(java.util.Optional.empty(), "1234567893"));
		assertThat(pas.endpoint()).isEqualTo(ENDPOINT);
		assertThat(pas.headerPairs()).singleElement().satisfies(pair -> assertThat(pair).containsExactly("Authorization", "Bearer abc"));
	}

	@Test
	void onTopic_isTheTopicCanonical_withOrWithoutVersion() {
		assertThat(PasSubscription.onTopic(pas(s -> { }))).isTrue();
		assertThat(PasSubscription.onTopic(pas(s -> s.setCriteria(PasSubscription.TOPIC + "|2.2.1")))).isTrue();
		assertThat(PasSubscription.onTopic(pas(s -> s.setCriteria("Task?code=recourse-case")))).isFalse();
	}

	@Test
	void payloadThatIsNotFullResourceJson_isRefusedNamingThePayload() {
		assertRefused(pas(s -> s.getChannel().getPayloadElement().getExtension().clear()), PasSubscription.PAYLOAD_ELEMENT);
		assertRefused(pas(s -> s.getChannel().getPayloadElement().getExtensionFirstRep().setValue(new CodeType("id-only"))),
				PasSubscription.PAYLOAD_ELEMENT);
		assertRefused(pas(s -> s.getChannel().setPayload("application/fhir+xml")), PasSubscription.PAYLOAD_ELEMENT);
	}

	@Test
	void filterMissingOrNotOneOrgIdentifier_isRefusedNamingTheFilter() {
		assertRefused(pas(s -> s.getCriteriaElement().getExtension().clear()), PasSubscription.FILTER_ELEMENT);
		assertRefused(pas(s -> filter(s, "patient=Patient/1")), PasSubscription.FILTER_ELEMENT);
		assertRefused(pas(s -> filter(s, "orgIdentifier=1&orgIdentifier=2")), PasSubscription.FILTER_ELEMENT);
		assertRefused(pas(s -> filter(s, "orgIdentifier=|123")), PasSubscription.FILTER_ELEMENT);
	}

	@Test
	void channelOtherThanRestHookWithEndpoint_isRefusedNamingTheElement() {
		assertRefused(pas(s -> s.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET)), "Subscription.channel.type");
		assertRefused(pas(s -> s.getChannel().setEndpoint(null)), "Subscription.channel.endpoint");
	}

	@Test
	void headersTheDeliverySetsOrThatBreakTheLine_areRefused() {
		assertRefused(pas(s -> s.getChannel().addHeader("Content-Type: text/plain")), "Subscription.channel.header");
		assertRefused(pas(s -> s.getChannel().addHeader("X-A: b\r\nX-Injected: c")), "Subscription.channel.header");
		assertRefused(pas(s -> s.getChannel().addHeader("no colon")), "Subscription.channel.header");
	}

	/** The guide's Subscription-PASSubscriptionExample, changed as the test needs. */
	static Subscription pas(Consumer<Subscription> change) {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED).setCriteria(PasSubscription.TOPIC);
		filter(subscription, "orgIdentifier=1234567893");
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(ENDPOINT).setPayload("application/fhir+json");
		subscription.getChannel().getPayloadElement().addExtension(new Extension(PasSubscription.PAYLOAD_CONTENT, new CodeType("full-resource")));
		change.accept(subscription);
		return subscription;
	}

	private static void filter(Subscription subscription, String criteria) {
		subscription.getCriteriaElement().getExtension().clear();
		subscription.getCriteriaElement().addExtension(PasSubscription.FILTER_CRITERIA, new StringType(criteria));
	}

	private static void assertRefused(Subscription subscription, String element) {
		assertThatThrownBy(() -> PasSubscription.of(subscription)).isInstanceOf(RecourseException.class)
				.satisfies(e -> assertThat(((RecourseException) e).element()).isEqualTo(element))
				.satisfies(e -> assertThat(((RecourseException) e).error().httpStatus()).isEqualTo(422));
	}
}
