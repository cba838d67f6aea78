package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import dev.recourse.support.HookReceiver.Hook;
import dev.recourse.support.HookReceiver.Received;
import dev.recourse.support.TestPayers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * PAS decision notifications over HTTP: a provider system subscribes at the payer (the PAS shape, its own
 * organization), a request from that organization is submitted and decided, and the decision arrives at the
 * provider's rest-hook as a backport notification Bundle, once, after retries; another organization's Subscription
 * gets nothing; shapes PAS does not allow and filters for another's organization are refused.
 */
class DecisionNotificationIT extends PasCalls {
	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final String HOOK_SECRET = "Bearer hook-secret-1";

	@Autowired
	NotificationDrainer drainer;

	@Autowired
	ApplicationContext context;

	private final List<String> subscriptions = new ArrayList<>();

	@AfterEach
	void unsubscribe() {
		// the database is shared by every IT: a Subscription left active would be owed their decisions too
		subscriptions.forEach(id -> client.delete().resourceById("Subscription", id).execute());
	}

	@Test
	void decisions_areNotifiedToTheSubmittersSubscription_numberedPerSubscription() throws Exception {
		Hook hook = HOOKS.open();
		String subscription = subscribe(TestPayers.PROVIDER_CLIENT, pasSubscription(hook.url(), "orgIdentifier=8189991234"));
		Bundle request = referral();
		String claimId = submitted(request);

		decide(claimId, "A4");
		decide(claimId, "A1");
		List<Received> delivered = drainUntil(hook, 2);

		assertThat(delivered).hasSize(2);
		Received first = delivered.get(0);
		assertThat(first.header("Content-Type")).startsWith("application/fhir+json");
		assertThat(first.header("Authorization")).isEqualTo(HOOK_SECRET);
		List<Bundle> notifications = delivered.stream().map(this::bundle).toList();
		for (int i = 0; i < 2; i++) {
			assertNotification(notifications.get(i), subscription, i + 1, request);
		}
		assertThat(PasFixtures.reviewActions(PasFixtures.claimResponse(answerIn(notifications.get(0))))).containsOnly("A4");
		assertThat(PasFixtures.reviewActions(PasFixtures.claimResponse(answerIn(notifications.get(1))))).containsOnly("A1");
		assertThat(errors(answerIn(notifications.get(1)), Pas.RESPONSE_BUNDLE)).isEmpty();
		// HAPI's own subscription matching is not configured: topic criteria are not search URLs, and these are ours
		assertThat(context.getBeanNamesForType(SubscriptionMatcherInterceptor.class)).isEmpty();
	}

	@Test
	void recipientAnswering503First_getsTheNotificationExactlyOnce_afterTheRetry() throws Exception {
		Hook hook = HOOKS.open(503);
		subscribe(TestPayers.PROVIDER_CLIENT, pasSubscription(hook.url(), "orgIdentifier=http://hl7.org/fhir/sid/us-npi|8189991234"));
		String claimId = submitted(referral());

		decide(claimId, "A1");
		List<Received> delivered = drainUntil(hook, 1);
		drainer.drainOnce();

		assertThat(delivered).hasSize(1);
		assertThat(hook.received()).extracting(Received::answered).containsExactly(503, 200);
		Task task = client.read().resource(Task.class).withId(NotificationTask.idFor(subscriptions.get(0), 1)).execute();
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(NotificationTask.STATE.attempts(task)).isEqualTo(2);
	}

	@Test
	void anotherOrganizationsSubscription_getsNothing_andNoProviderSubscribesForAnother() throws Exception {
		Hook other = HOOKS.open();
		subscribe(TestPayers.OTHER_CLIENT, pasSubscription(other.url(), "orgIdentifier=1999999984"));

		HttpResponse<String> forAnother = post("/Subscription", providerToken(TestPayers.OTHER_CLIENT),
				pasSubscription(other.url(), "orgIdentifier=8189991234"));
		HttpResponse<String> notAPartner = post("/Subscription", pasClientWithSubscriptions(),
				pasSubscription(other.url(), "orgIdentifier=8189991234"));
		decide(submitted(referral()), "A1");
		drainUntilIdle();

		assertThat(forAnother.statusCode()).as(forAnother.body()).isEqualTo(403);
		assertThat(expressions(forAnother)).containsExactly(PasSubscription.FILTER_ELEMENT);
		assertThat(notAPartner.statusCode()).as(notAPartner.body()).isEqualTo(403);
		assertThat(other.received()).isEmpty();
	}

	@Test
	void shapesPasDoesNotAllow_are422NamingTheElement_andStoreNothing() throws Exception {
		String token = providerToken(TestPayers.PROVIDER_CLIENT);
		Subscription idOnly = pasSubscription(HOOKS.baseUrl(), "orgIdentifier=8189991234");
		idOnly.getChannel().getPayloadElement().getExtension().clear();
		Subscription noFilter = pasSubscription(HOOKS.baseUrl(), "orgIdentifier=8189991234");
		noFilter.getCriteriaElement().getExtension().clear();
		Subscription websocket = pasSubscription(HOOKS.baseUrl(), "orgIdentifier=8189991234");
		websocket.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET);
		Subscription twoFilters = pasSubscription(HOOKS.baseUrl(), "orgIdentifier=8189991234&status=active");
		int before = count();

		assertRefused(post("/Subscription", token, idOnly), "Subscription.channel.payload");
		assertRefused(post("/Subscription", token, noFilter), PasSubscription.FILTER_ELEMENT);
		assertRefused(post("/Subscription", token, websocket), "Subscription.channel.type");
		assertRefused(post("/Subscription", token, twoFilters), PasSubscription.FILTER_ELEMENT);
		assertThat(count()).isEqualTo(before);
	}

	// ---

	private void assertNotification(Bundle notification, String subscription, int number, Bundle request) {
		assertThat(notification.getType()).isEqualTo(Bundle.BundleType.HISTORY);
		assertThat(notification.getEntry()).hasSize(2);
		Parameters status = (Parameters) notification.getEntry().get(0).getResource();
		assertThat(status.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(NotificationBundle.STATUS_PROFILE);
		assertThat(((Reference) status.getParameter("subscription").getValue()).getReference()).isEqualTo(fhirBase() + "/Subscription/" + subscription);
		assertThat(status.getParameter("topic").getValue().primitiveValue()).isEqualTo(PasSubscription.TOPIC);
		assertThat(status.getParameter("status").getValue().primitiveValue()).isEqualTo("active");
		assertThat(status.getParameter("type").getValue().primitiveValue()).isEqualTo("event-notification");
		assertThat(status.getParameter("events-since-subscription-start").getValue().primitiveValue()).isEqualTo(String.valueOf(number));
		Parameters.ParametersParameterComponent event = status.getParameter("notification-event");
		assertThat(part(event, "event-number").primitiveValue()).isEqualTo(String.valueOf(number));
		assertThat(part(event, "timestamp")).isInstanceOf(org.hl7.fhir.r4.model.InstantType.class);
		assertThat(((Reference) part(event, "focus")).getReference()).isEqualTo(notification.getEntry().get(1).getFullUrl());
		Bundle answer = answerIn(notification);
		assertThat(answer.getIdentifier().getSystem()).isEqualTo(request.getIdentifier().getSystem());
		assertThat(answer.getIdentifier().getValue()).isEqualTo(request.getIdentifier().getValue());
		assertThat(answer.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(Pas.RESPONSE_BUNDLE);
	}

	private static org.hl7.fhir.r4.model.Type part(Parameters.ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow().getValue();
	}

	private static Bundle answerIn(Bundle notification) {
		return (Bundle) notification.getEntry().get(1).getResource();
	}

	private Bundle bundle(Received received) {
		return fhirContext.newJsonParser().parseResource(Bundle.class, received.body());
	}

	static Subscription pasSubscription(String endpoint, String filter) {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED).setReason("PAS results for my organization");
		subscription.setCriteria(PasSubscription.TOPIC);
		subscription.getCriteriaElement().addExtension(PasSubscription.FILTER_CRITERIA, new StringType(filter));
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
				.setPayload(PasSubscription.FHIR_JSON).addHeader("Authorization: " + HOOK_SECRET);
		subscription.getChannel().getPayloadElement().addExtension(new Extension(PasSubscription.PAYLOAD_CONTENT, new CodeType("full-resource")));
		return subscription;
	}

	/** Creates it as the provider system; @return its id, deleted after the test */
	private String subscribe(String clientId, Subscription subscription) throws Exception {
		HttpResponse<String> created = post("/Subscription", providerToken(clientId), subscription);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Subscription stored = fhirContext.newJsonParser().parseResource(Subscription.class, created.body());
		assertThat(stored.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
		subscriptions.add(stored.getIdElement().getIdPart());
		return stored.getIdElement().getIdPart();
	}

	private String providerToken(String clientId) {
		return tokens.jwt(claims -> claims.putAll(Map.of("client_id", clientId, "sub", clientId, "scope", "system/Subscription.cruds")));
	}

	private String pasClientWithSubscriptions() {
		String clientId = "pas-client-" + UUID.randomUUID();
		return providerToken(clientId);
	}

	/** The guide's referral request under an identifier of this test's own. */
	private Bundle referral() throws Exception {
		Bundle request = pasExample(REFERRAL);
		request.getIdentifier().setValue("notify-" + UUID.randomUUID());
		return request;
	}

	/** Submits it as a PAS client of its own; @return our copy of its Claim's id */
	private String submitted(Bundle request) throws Exception {
		String clientId = "pas-client-" + UUID.randomUUID();
		String token = tokens.jwt(claims -> claims.putAll(Map.of("client_id", clientId, "sub", clientId,
				"scope", "system/Claim.c system/ClaimResponse.s")));
		answer(submit(token, request));
		return Submission.of(clientId, request.getIdentifier()).copyId(request.getEntryFirstRep().getFullUrl());
	}

	private void decide(String claimId, String action) throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("decision").setValue(new CodeType(action));
		HttpResponse<String> response = post("/Claim/" + claimId + "/$decide", tokens.payer("system/ClaimResponse.u"), in);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	/** Drains until the hook has {@code count} deliveries, within {@link #WAIT}; the retries' backoff is milliseconds. */
	private List<Received> drainUntil(Hook hook, int count) throws InterruptedException {
		Instant until = Instant.now().plus(WAIT);
		while (hook.delivered().size() < count && Instant.now().isBefore(until)) {
			if (drainer.drainOnce() == 0) {
				Thread.sleep(20);
			}
		}
		return hook.delivered();
	}

	private void drainUntilIdle() throws InterruptedException {
		Instant until = Instant.now().plus(WAIT);
		while (drainer.drainOnce() > 0 && Instant.now().isBefore(until)) {
			Thread.sleep(20);
		}
	}

	private int count() {
		return client.search().byUrl("Subscription?_summary=count").returnBundle(Bundle.class).execute().getTotal();
	}

	private void assertRefused(HttpResponse<String> response, String element) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(expressions(response)).containsExactly(element);
	}
}
