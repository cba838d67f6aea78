package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Subscription asked of a payer has the PAS example's shape; the secret is random and kept only as a digest. */
class PayerSubscriptionRequestTest {
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@Test
	void subscription_hasThePasExamplesTopicFilterChannelAndPayload_plusOurSecretHeader() throws Exception {
		Subscription example;
		try (InputStream in = getClass().getResourceAsStream("/fixtures/davinci-pas-2.2.1/Subscription-PASSubscriptionExample.json")) {
			example = FHIR.newJsonParser().parseResource(Subscription.class, in);
		}

		Subscription ours = PayerSubscriptionRequest.of("https://recourse.test/pas-notifications/acme", "1234567893", "s3cret");

		assertThat(ours.getCriteria()).isEqualTo(example.getCriteria());
		assertThat(ours.getCriteriaElement().getExtensionByUrl(PayerSubscriptionRequest.FILTER_CRITERIA).getValue().primitiveValue())
				.isEqualTo(example.getCriteriaElement().getExtensionByUrl(PayerSubscriptionRequest.FILTER_CRITERIA).getValue().primitiveValue());
		assertThat(ours.getChannel().getType()).isEqualTo(example.getChannel().getType());
		assertThat(ours.getChannel().getPayload()).isEqualTo(example.getChannel().getPayload());
		assertThat(ours.getChannel().getPayloadElement().getExtensionByUrl(PayerSubscriptionRequest.PAYLOAD_CONTENT).getValue().primitiveValue())
				.isEqualTo("full-resource");
		assertThat(ours.getChannel().getEndpoint()).isEqualTo("https://recourse.test/pas-notifications/acme");
		assertThat(ours.getChannel().getHeader()).extracting(Object::toString).containsExactly("Authorization: Bearer s3cret");
		assertThat(ours.getStatus()).isEqualTo(Subscription.SubscriptionStatus.REQUESTED);
	}

	@Test
	void secrets_areLongAndDifferent() {
		Set<String> secrets = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			secrets.add(PayerSubscriptionRequest.newSecret());
		}
		assertThat(secrets).hasSize(100).allMatch(secret -> secret.length() >= 43 && secret.matches("[A-Za-z0-9_-]+"));
	}

	@Test
	void record_keepsTheSecretsDigest_notTheSecret_andNamesThePayersSubscriptionWhenMade() {
		Task claimed = PayerSubscriptionTask.expecting(PayerSubscriptionTask.of("acme", Instant.now()), "s3cret");

		assertThat(PayerSubscriptionTask.secretDigest(claimed)).contains(PayerSubscriptionTask.digest("s3cret"));
		assertThat(FHIR.newJsonParser().encodeResourceToString(claimed)).doesNotContain("s3cret");
		Task made = PayerSubscriptionTask.completed(claimed, "https://payer.test/fhir/Subscription/7");
		assertThat(made.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(PayerSubscriptionTask.secretDigest(made)).contains(PayerSubscriptionTask.digest("s3cret"));
		assertThat(((org.hl7.fhir.r4.model.Reference) made.getOutputFirstRep().getValue()).getReference()).isEqualTo("https://payer.test/fhir/Subscription/7");
		assertThat(SubmissionTask.endpointId(made)).isEqualTo("acme");
	}
}
