package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.packet.PacketCaseSteps;
import dev.recourse.support.TestPayers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payer's decision notifications over HTTP: the PAS referral example's case submitted to the fake payer (pended),
 * then notifications in the Subscriptions Backport shape posted to {@code /pas-notifications/test-payer} with the secret
 * the server gave the payer when it subscribed — an upheld appeal opens the next level from triage, an approval
 * completes the case, a repeated delivery changes nothing; no or a wrong secret, a malformed body and a request never
 * sent are refused with an OperationOutcome.
 */
class NotificationReceiptIT extends PacketCaseSteps {
	private static final String POLICY = "http://recourse.dev/fhir/Questionnaire/cigna-adalimumab-ra|2026.11-transcribed";
	private static final String RECEIVER = DecisionNoticeProperties.RECEIVER_PATH + "/" + TestPayers.PAYER_ENDPOINT;
	private static final String X12_306 = "https://codesystem.x12.org/005010/306";
	private static final String X12_886 = "https://codesystem.x12.org/external/886";
	private static final String NOTE = "Documentation does not show failure of two conventional DMARDs.";

	@BeforeEach
	void requestOnFile() throws Exception {
		storeReferralExample(resource -> true);
		PAYER.reset();
	}

	@Test
	void upheldAppeal_caseUpheld_nextPathwayAndDeadlineFromTriage_noteForTheSpecialist() throws Exception {
		Task caseTask = readyCase();
		Bundle decided = decided(submitted(caseTask), "A3", "Not Certified");

		HttpResponse<String> response = notify(notification("event-notification", decided), secret());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Task after = reread(caseTask);
		assertThat(after.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("upheld");
		assertThat(after.getStatus()).isNotEqualTo(Task.TaskStatus.COMPLETED);
		ClaimResponse kept = client.read().resource(ClaimResponse.class).withId(output(after, "payer-response")).execute();
		assertThat(kept.getMeta().getVersionId()).isEqualTo("2");
		assertThat(dev.recourse.submission.fake.FakePayer.reviewActions(kept)).containsOnly("A3");
		Parameters triage = triageAsInternalAppeal(kept, after);
		String top = topEligible(triage);
		// the referral example's plan is Medicare Advantage: after the plan's reconsideration, the independent review entity
		assertThat(top).isEqualTo("ire-reconsideration");
		assertThat(pathway(after)).isEqualTo(top);
		assertThat(after.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo(earliestDeadline(triage));
		assertThat(after.getNote()).singleElement().satisfies(note -> assertThat(note.getText())
				.contains("upheld", "A3", "reasons 03", NOTE, "Next step: " + top, "internal-appeal decision"));
	}

	@Test
	void approved_completesTheCase() throws Exception {
		Task caseTask = readyCase();
		Bundle decided = decided(submitted(caseTask), "A1", "Certified in total");

		HttpResponse<String> response = notify(notification("event-notification", decided), secret());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Task after = reread(caseTask);
		assertThat(after.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(after.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("approved");
		assertThat(after.getRestriction().getPeriod().hasEnd()).isFalse();
		assertThat(after.getNote()).singleElement().satisfies(note -> assertThat(note.getText()).contains("approved", "A1"));
	}

	@Test
	void repeatedDelivery_changesNothing_evenTwoAtOnce() throws Exception {
		Task caseTask = readyCase();
		String notification = notification("event-notification", decided(submitted(caseTask), "A3", "Not Certified"));
		String secret = secret();

		CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> quietly(notification, secret));
		CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> quietly(notification, secret));
		assertThat(List.of(first.get().statusCode(), second.get().statusCode())).containsOnly(200);
		Task once = reread(caseTask);
		ClaimResponse keptOnce = client.read().resource(ClaimResponse.class).withId(output(once, "payer-response")).execute();

		HttpResponse<String> again = notify(notification, secret);

		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(again.body()).contains("nothing changed");
		Task after = reread(caseTask);
		assertThat(after.getMeta().getVersionId()).isEqualTo(once.getMeta().getVersionId());
		assertThat(after.getNote()).hasSize(1);
		ClaimResponse kept = client.read().resource(ClaimResponse.class).withId(output(after, "payer-response")).execute();
		assertThat(kept.getMeta().getVersionId()).isEqualTo(keptOnce.getMeta().getVersionId()).isEqualTo("2");
	}

	@Test
	void missingOrWrongSecret_is401_andChangesNothing() throws Exception {
		Task caseTask = readyCase();
		String notification = notification("event-notification", decided(submitted(caseTask), "A1", "Certified in total"));
		Task before = reread(caseTask);

		HttpResponse<String> none = send(post(RECEIVER, notification));
		HttpResponse<String> wrong = notify(notification, "not-the-secret");
		HttpResponse<String> otherPayer = send(post(DecisionNoticeProperties.RECEIVER_PATH + "/other-payer", notification)
				.header("Authorization", "Bearer " + secret()));

		for (HttpResponse<String> refused : List.of(none, wrong, otherPayer)) {
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
			assertThat(outcome(refused).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Authorization");
		}
		assertThat(reread(caseTask).getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
	}

	@Test
	void malformedBody_is4xx_withAnOperationOutcomeNamingTheProblem() throws Exception {
		HttpResponse<String> notJson = notify("{not json", secret());
		Bundle collection = new Bundle().setType(Bundle.BundleType.COLLECTION);
		HttpResponse<String> notHistory = notify(fhirContext.newJsonParser().encodeResourceToString(collection), secret());
		Bundle noFocus = fhirContext.newJsonParser().parseResource(Bundle.class, notification("event-notification", new Bundle()));
		noFocus.getEntry().remove(1);
		HttpResponse<String> focusNowhere = notify(fhirContext.newJsonParser().encodeResourceToString(noFocus), secret());

		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(outcome(notJson).getIssueFirstRep().getDiagnostics()).contains("not a FHIR JSON resource");
		assertThat(notHistory.statusCode()).isEqualTo(422);
		assertThat(outcome(notHistory).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.type");
		assertThat(focusNowhere.statusCode()).isEqualTo(422);
		assertThat(outcome(focusNowhere).getIssueFirstRep().getExpression().get(0).getValue()).endsWith("part('focus')");
	}

	@Test
	void handshakeAndHeartbeat_are200_andChangeNothing() throws Exception {
		for (String type : List.of("handshake", "heartbeat")) {
			HttpResponse<String> response = notify(notification(type, null), secret());

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(outcome(response).getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
		}
	}

	@Test
	void eventForARequestNeverSubmitted_is422_namingTheIdentifier() throws Exception {
		Task caseTask = readyCase();
		Bundle decided = decided(submitted(caseTask), "A3", "Not Certified");
		decided.getIdentifier().setValue("urn:uuid:" + UUID.randomUUID());

		HttpResponse<String> response = notify(notification("event-notification", decided), secret());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains(decided.getIdentifier().getValue(), "cannot match");
		assertThat(reread(caseTask).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("under-review");
	}

	// --- steps

	private Task readyCase() throws Exception {
		Task caseTask = openCase(read(ClaimResponse.class, DENIAL));
		answerOpenCriteria(map(caseTask, POLICY));
		return withLetter(reread(caseTask), true);
	}

	/** The case's packet assembled and submitted; the payer's pended answer. */
	private Bundle submitted(Task caseTask) throws Exception {
		assemble(caseTask);
		HttpResponse<String> response = send(fhirRequest("/Task/" + caseTask.getIdElement().getIdPart() + "/$submit")
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(reread(caseTask).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("under-review");
		return fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
	}

	/** The payer's answer once its reviewer decided: every item's review action, an X12 886 reason, a note, dated now. */
	private static Bundle decided(Bundle pended, String action, String display) {
		Bundle decided = pended.copy();
		decided.setTimestamp(new Date());
		ClaimResponse response = (ClaimResponse) decided.getEntryFirstRep().getResource();
		for (ClaimResponse.ItemComponent item : response.getItem()) {
			item.getAdjudication().clear();
			Extension review = item.addAdjudication().setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication", "submitted", null)))
					.addExtension().setUrl(PAS + "extension-reviewAction");
			review.addExtension(PAS + "extension-reviewActionCode", new CodeableConcept(new Coding(X12_306, action, display)));
			review.addExtension("number", new StringType("TRACK-0001"));
			if (!action.equals("A1")) {
				review.addExtension("reasonCode", new CodeableConcept(new Coding(X12_886, "03", null)));
			}
		}
		if (!action.equals("A1")) {
			response.addProcessNote().setNumber(1).setType(Enumerations.NoteType.PRINT).setText(NOTE);
		}
		response.setCreated(new Date());
		return decided;
	}

	/** A Subscriptions Backport notification of this type; for an event, focused on the response Bundle. */
	private String notification(String type, Bundle response) {
		Bundle notification = new Bundle().setType(Bundle.BundleType.HISTORY);
		notification.setTimestamp(new Date());
		Parameters status = new Parameters();
		status.addParameter().setName("subscription").setValue(new Reference(PAYER.baseUrl() + "/Subscription/sub-1"));
		status.addParameter().setName("topic").setValue(new org.hl7.fhir.r4.model.CanonicalType(PayerSubscriptionRequest.TOPIC));
		status.addParameter().setName("status").setValue(new CodeType("active"));
		status.addParameter().setName("type").setValue(new CodeType(type));
		status.addParameter().setName("events-since-subscription-start").setValue(new StringType("7"));
		notification.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(status);
		if (response != null) {
			String fullUrl = PAYER.baseUrl() + "/Bundle/" + UUID.randomUUID();
			Parameters.ParametersParameterComponent event = status.addParameter().setName("notification-event");
			event.addPart().setName("event-number").setValue(new StringType("7"));
			event.addPart().setName("timestamp").setValue(new InstantType(new Date()));
			event.addPart().setName("focus").setValue(new Reference(fullUrl));
			notification.addEntry().setFullUrl(fullUrl).setResource(response);
		}
		return fhirContext.newJsonParser().encodeResourceToString(notification);
	}

	/** The secret the server gave the payer in its Subscription's Authorization header (made at start-up). */
	private String secret() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			List<org.hl7.fhir.r4.model.Subscription> made = PAYER.subscriptionsTo(RECEIVER);
			if (!made.isEmpty()) {
				String header = made.get(0).getChannel().getHeader().get(0).getValue();
				return header.substring("Authorization: Bearer ".length());
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the server did not subscribe at the payer within a minute");
	}

	private HttpResponse<String> notify(String body, String secret) throws Exception {
		return send(post(RECEIVER, body).header("Authorization", "Bearer " + secret));
	}

	private HttpResponse<String> quietly(String body, String secret) {
		try {
			return notify(body, secret);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(URI.create(serverRoot() + path)).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private OperationOutcome outcome(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}

	/** What {@code $triage} says of the decision as an upheld internal appeal on the case's Coverage. */
	private Parameters triageAsInternalAppeal(ClaimResponse decision, Task caseTask) {
		Coverage coverage = (Coverage) client.search().forResource(Coverage.class)
				.where(Coverage.PATIENT.hasId(caseTask.getFor().getReference())).returnBundle(Bundle.class).execute()
				.getEntryFirstRep().getResource();
		Parameters in = new Parameters();
		decision.setMeta(null);
		in.addParameter().setName("denial").setResource(decision);
		in.addParameter().setName("coverage").setResource(coverage);
		in.addParameter().setName("decisionLevel").setValue(new CodeType("internal-appeal"));
		return client.operation().onType(ClaimResponse.class).named("$triage").withParameters(in).returnResourceType(Parameters.class).execute();
	}

	private static String topEligible(Parameters triage) {
		return pathways(triage).filter(p -> ((org.hl7.fhir.r4.model.BooleanType) part(p, "eligible")).booleanValue())
				.min(java.util.Comparator.comparingInt(p -> ((org.hl7.fhir.r4.model.IntegerType) part(p, "rank")).getValue()))
				.map(p -> ((Coding) part(p, "code")).getCode()).orElse(null);
	}

	private static String earliestDeadline(Parameters triage) {
		return pathways(triage).filter(p -> ((org.hl7.fhir.r4.model.BooleanType) part(p, "eligible")).booleanValue())
				.map(p -> part(p, "filingDeadline")).filter(Objects::nonNull).map(org.hl7.fhir.r4.model.Type::primitiveValue)
				.sorted().findFirst().orElse(null);
	}

	private static java.util.stream.Stream<Parameters.ParametersParameterComponent> pathways(Parameters triage) {
		return triage.getParameter().stream().filter(p -> p.getName().equals("pathway"));
	}

	private static org.hl7.fhir.r4.model.Type part(Parameters.ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(p -> p.getName().equals(name)).map(Parameters.ParametersParameterComponent::getValue)
				.findFirst().orElse(null);
	}

	private static String pathway(Task caseTask) {
		Extension found = caseTask.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/pathway");
		return found == null ? null : ((CodeableConcept) found.getValue()).getCodingFirstRep().getCode();
	}
}
