package dev.recourse.security.guard;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SubscriptionEndpointGuardTest {
	private final SubscriptionEndpointGuard guard =
			new SubscriptionEndpointGuard(new OutboundUrlPolicy(List.of("https://hooks.example.org/recourse")));

	@Test
	void restHookToAnAllowedEndpoint_passes() {
		assertThatCode(() -> guard.beforeCreate(subscription(SubscriptionChannelType.RESTHOOK, "https://hooks.example.org/recourse/1")))
				.doesNotThrowAnyException();
	}

	@Test
	void restHookElsewhere_is422NamingTheEndpoint() {
		assertRefused(
				() -> guard.beforeCreate(subscription(SubscriptionChannelType.RESTHOOK, "http://169.254.169.254/latest/meta-data")),
				SubscriptionEndpointGuard.ENDPOINT);
	}

	@Test
	void restHookWithoutEndpoint_is422NamingTheEndpoint() {
		assertRefused(() -> guard.beforeCreate(subscription(SubscriptionChannelType.RESTHOOK, null)), SubscriptionEndpointGuard.ENDPOINT);
	}

	@Test
	void updateThatMovesTheEndpointElsewhere_isRefused() {
		Subscription before = subscription(SubscriptionChannelType.RESTHOOK, "https://hooks.example.org/recourse/1");
		Subscription after = subscription(SubscriptionChannelType.RESTHOOK, "https://hooks.example.org/other");

		assertRefused(() -> guard.beforeUpdate(before, after), SubscriptionEndpointGuard.ENDPOINT);
	}

	@Test
	void websocketWithoutEndpoint_passes() {
		assertThatCode(() -> guard.beforeCreate(subscription(SubscriptionChannelType.WEBSOCKET, null))).doesNotThrowAnyException();
	}

	@Test
	void websocketWithAStrayEndpoint_isRefused() {
		assertRefused(
				() -> guard.beforeCreate(subscription(SubscriptionChannelType.WEBSOCKET, "https://evil.example/")),
				SubscriptionEndpointGuard.ENDPOINT);
	}

	@ParameterizedTest
	@EnumSource(value = SubscriptionChannelType.class, names = {"EMAIL", "SMS", "MESSAGE", "NULL"})
	void channelsThisServerDoesNotDeliver_are422NamingTheType(SubscriptionChannelType type) {
		assertRefused(
				() -> guard.beforeCreate(subscription(type, "https://hooks.example.org/recourse/1")),
				SubscriptionEndpointGuard.TYPE);
	}

	@Test
	void missingChannelType_isRefused() {
		Subscription subscription = new Subscription();
		subscription.getChannel().setEndpoint("https://hooks.example.org/recourse/1");

		assertRefused(() -> guard.beforeCreate(subscription), SubscriptionEndpointGuard.TYPE);
	}

	@Test
	void otherResources_areNotLookedAt() {
		assertThatCode(() -> guard.beforeCreate(new Patient())).doesNotThrowAnyException();
	}

	private static Subscription subscription(SubscriptionChannelType type, String endpoint) {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED).setCriteria("Task?code=recourse-case");
		subscription.getChannel().setType(type).setEndpoint(endpoint);
		return subscription;
	}

	private static void assertRefused(Runnable write, String element) {
		assertThatThrownBy(write::run).isInstanceOfSatisfying(RecourseException.class, e -> {
			org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(RecourseError.UNPROCESSABLE);
			org.assertj.core.api.Assertions.assertThat(e.element()).isEqualTo(element);
		});
	}
}
