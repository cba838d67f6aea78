package dev.recourse.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Subscriptions over HTTP: stored only when their endpoint is on the outbound allow-list. */
@ExtendWith(OutputCaptureExtension.class)
class SubscriptionEndpointIT extends FhirIntegrationTest {
	private static final String METADATA_SERVICE = "http://169.254.169.254/latest/meta-data/";

	@Test
	void allowedEndpoint_is201() throws Exception {
		HttpResponse<String> response = post("Subscription", subscription(ALLOWED_HOOKS + "/cases"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	@Test
	void endpointOffTheList_is422NamingTheEndpoint() throws Exception {
		HttpResponse<String> response = post("Subscription", subscription(METADATA_SERVICE));

		assertRefused(response, "Subscription.channel.endpoint");
	}

	/** The refusal is the caller's mistake: no error log, and the endpoint it sent stays out of the log. */
	@Test
	void refusedEndpoint_leavesNoErrorLogAndNoUrl(CapturedOutput output) throws Exception {
		assertRefused(post("Subscription", subscription("https://refused.example/secret-path")), "Subscription.channel.endpoint");

		assertThat(output.getOut()).doesNotContain("refused.example").doesNotContain(" ERROR ");
	}

	@Test
	void endpointPastThePathBoundary_is422() throws Exception {
		assertRefused(post("Subscription", subscription(ALLOWED_HOOKS + "2")), "Subscription.channel.endpoint");
	}

	@Test
	void endpointWithUserInfo_is422() throws Exception {
		String sneaky = "https://hooks.recourse.test@evil.example/callbacks";

		assertRefused(post("Subscription", subscription(sneaky)), "Subscription.channel.endpoint");
	}

	@Test
	void emailChannel_is422NamingTheType() throws Exception {
		Subscription email = subscription(ALLOWED_HOOKS);
		email.getChannel().setType(SubscriptionChannelType.EMAIL).setEndpoint("mailto:someone@example.org");

		assertRefused(post("Subscription", email), "Subscription.channel.type");
	}

	@Test
	void updateMovingTheEndpointOffTheList_is422AndKeepsTheStoredOne() throws Exception {
		Subscription stored = subscription(ALLOWED_HOOKS + "/cases");
		String id = client.create().resource(stored).execute().getId().getIdPart();
		stored.setId(id);
		stored.getChannel().setEndpoint(METADATA_SERVICE);

		HttpResponse<String> response = send(fhirRequest("/Subscription/" + id)
				.header("Content-Type", FHIR_JSON)
				.PUT(HttpRequest.BodyPublishers.ofString(json(stored))));

		assertRefused(response, "Subscription.channel.endpoint");
		Subscription after = client.read().resource(Subscription.class).withId(id).execute();
		assertThat(after.getChannel().getEndpoint()).isEqualTo(ALLOWED_HOOKS + "/cases");
	}

	@Test
	void patchMovingTheEndpointOffTheList_is422() throws Exception {
		String id = client.create().resource(subscription(ALLOWED_HOOKS)).execute().getId().getIdPart();
		String patch = "[{\"op\":\"replace\",\"path\":\"/channel/endpoint\",\"value\":\"" + METADATA_SERVICE + "\"}]";

		HttpResponse<String> response = send(fhirRequest("/Subscription/" + id)
				.header("Content-Type", "application/json-patch+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));

		assertRefused(response, "Subscription.channel.endpoint");
	}

	@Test
	void transactionWithAnEndpointOffTheList_is422AndStoresNothing() throws Exception {
		String marker = "subscriber-" + System.nanoTime();
		Patient patient = new Patient();
		patient.addName().setFamily(marker);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(patient).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		transaction.addEntry().setResource(subscription(ALLOWED_HOOKS)).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Subscription");
		transaction.addEntry().setResource(subscription(METADATA_SERVICE)).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Subscription");

		HttpResponse<String> response = send(fhirRequest("")
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(json(transaction))));

		assertRefused(response, "Subscription.channel.endpoint");
		assertThat(send(fhirRequest("/Patient?family=" + marker).GET()).body()).contains("\"total\":0");
	}

	private static Subscription subscription(String endpoint) {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.OFF)
				.setReason("case worklist changes")
				.setCriteria("Task?code=recourse-case");
		subscription.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
				.setPayload("application/fhir+json");
		return subscription;
	}

	private void assertRefused(HttpResponse<String> response, String element) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly(element);
		assertThat(response.body()).contains("unprocessable");
	}

	private HttpResponse<String> post(String type, IBaseResource resource) throws Exception {
		return send(fhirRequest("/" + type)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(json(resource))));
	}

	private String json(IBaseResource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}
}
