package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.submission.SubmissionProperties.Payer;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.TestPayers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Subscribing at the payers: at start-up the server made one PAS Subscription at the fake payer, in the PAS shape, and
 * recorded it; what a restart runs again — even two instances at once — makes no second one; a payer that is down is
 * tried again later and subscribed to once it is up.
 */
class PayerSubscriptionIT extends FhirIntegrationTest {
	private static final String RECEIVER = DecisionNoticeProperties.RECEIVER_PATH + "/" + TestPayers.PAYER_ENDPOINT;

	@Autowired
	PayerSubscriptionSchedule schedule;

	@Autowired
	PayerSubscriptions subscriptions;

	@Test
	void startUp_subscribesAtThePayer_inThePasShape_andRecordsIt() throws Exception {
		Subscription made = awaitSubscription();

		assertThat(made.getCriteria()).isEqualTo(PayerSubscriptionRequest.TOPIC);
		assertThat(made.getCriteriaElement().getExtensionByUrl(PayerSubscriptionRequest.FILTER_CRITERIA).getValue().primitiveValue())
				.isEqualTo("orgIdentifier=" + TestPayers.ORGANIZATION_IDENTIFIER);
		assertThat(made.getChannel().getType()).isEqualTo(Subscription.SubscriptionChannelType.RESTHOOK);
		assertThat(made.getChannel().getEndpoint()).isEqualTo(NOTICE_PROXY.root() + RECEIVER);
		assertThat(made.getChannel().getPayload()).isEqualTo("application/fhir+json");
		assertThat(made.getChannel().getPayloadElement().getExtensionByUrl(PayerSubscriptionRequest.PAYLOAD_CONTENT).getValue().primitiveValue())
				.isEqualTo("full-resource");
		assertThat(made.getChannel().getHeader()).singleElement().satisfies(header -> assertThat(header.getValue()).matches("Authorization: Bearer [A-Za-z0-9_-]{43}"));
		Task record = awaitRecordCompleted();
		assertThat(((Reference) record.getOutputFirstRep().getValue()).getReference())
				.isEqualTo(PAYER.baseUrl() + "/Subscription/" + made.getIdElement().getIdPart());
		String secret = made.getChannel().getHeader().get(0).getValue().substring("Authorization: Bearer ".length());
		assertThat(fhirContext.newJsonParser().encodeResourceToString(record)).doesNotContain(secret);
		assertThat(subscriptions.accepts(TestPayers.PAYER_ENDPOINT, secret)).isTrue();
		assertThat(subscriptions.accepts(TestPayers.PAYER_ENDPOINT, secret + "x")).isFalse();
	}

	@Test
	void restart_evenTwoInstancesAtOnce_makesNoSecondSubscription() throws Exception {
		awaitSubscription();
		Task before = awaitRecordCompleted();

		CompletableFuture<Void> one = CompletableFuture.runAsync(schedule::ensureAll);
		CompletableFuture<Void> other = CompletableFuture.runAsync(schedule::ensureAll);
		CompletableFuture.allOf(one, other).get();
		schedule.ensureAll();

		assertThat(PAYER.subscriptionsTo(RECEIVER)).hasSize(1);
		assertThat(record(TestPayers.PAYER_ENDPOINT).getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
	}

	@Test
	void payerDown_isTriedAgainLater_andSubscribedToOnce() throws Exception {
		Payer another = new Payer("retry-payer", "Retry payer", PAYER.baseUrl(), TestPayers.INSURER, null, null, null, null, true);
		Endpoint endpoint = client.read().resource(Endpoint.class).withId(TestPayers.PAYER_ENDPOINT).execute();
		endpoint.setId("retry-payer");
		client.update().resource(endpoint).execute();
		PAYER.down();
		Task waiting;
		try {
			waiting = subscriptions.ensure(another);
		} finally {
			PAYER.up();
		}
		assertThat(waiting.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(waiting.getStatusReason().getText()).contains("could not be reached");
		assertThat(PAYER.subscriptionsTo("/retry-payer")).isEmpty();

		Thread.sleep(100); // the test backoff (10 ms) has passed
		Task made = subscriptions.ensure(another);
		subscriptions.ensure(another);

		assertThat(made.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(SubmissionTask.attempts(made)).isEqualTo(2);
		assertThat(PAYER.subscriptionsTo("/retry-payer")).hasSize(1);
	}

	private Subscription awaitSubscription() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			List<Subscription> made = PAYER.subscriptionsTo(RECEIVER);
			if (!made.isEmpty()) {
				assertThat(made).hasSize(1);
				return made.get(0);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the server did not subscribe at the payer within a minute of start-up");
	}

	private Task awaitRecordCompleted() throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			Task record = record(TestPayers.PAYER_ENDPOINT);
			if (record.getStatus() == Task.TaskStatus.COMPLETED) {
				return record;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the subscription record was not completed");
	}

	private Task record(String payerId) {
		return client.read().resource(Task.class).withId(PayerSubscriptionTask.idFor(payerId)).execute();
	}
}
