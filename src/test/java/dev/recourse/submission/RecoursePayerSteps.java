package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dev.recourse.support.RecourseInstance;
import dev.recourse.support.TestInstances;
import dev.recourse.support.TestPayers;
import dev.recourse.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Steps of the tests against the payer Recourse instance ({@link TestInstances#payer()}, reached through the fault
 * proxy): the PAS referral example on file under ids of its own, its insurer the payer instance's
 * ({@link TestPayers#RECOURSE_PAYER_INSURER}), so its packets go there and the fake payer's tests keep theirs; and
 * what the payer instance holds and answers, asked over its own FHIR API as its reviewer and as the provider.
 */
abstract class RecoursePayerSteps extends SubmissionSteps {
	/** The referral example's ids that name its insurer, the denied request and the coverage, and the ones used here. */
	private static final Map<String, String> OWN_IDS = Map.of("InsurerExample", "RecoursePayerInsurer",
			"ReferralAuthorizationExample", "RecoursePayerReferral", "InsuranceExample", "RecoursePayerInsurance");
	private static final String SUBMIT = "/Claim/$submit";
	private static final String INQUIRE = "/Claim/$inquire";
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	RecourseInstance payer;
	TestTokens payerTokens;
	/** The payer instance's FHIR API as an all-powerful backend service, to count what it stored. */
	IGenericClient payerAdmin;
	private long submitsBefore;
	private long inquiriesBefore;

	@BeforeEach
	void recoursePayer() throws Exception {
		payer = TestInstances.payer();
		payerTokens = new TestTokens(ISSUER, payer.fhirBase());
		payerAdmin = clientWith(payer.fhirBase(), payerTokens.system(ADMIN_SCOPES));
		PAYER_PROXY.reset();
		Bundle example = fhirContext.newJsonParser().parseResource(Bundle.class, withOwnIds(REQUEST_BUNDLE));
		example.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Organization.class::isInstance)
				.map(Organization.class::cast).filter(organization -> organization.getIdElement().getIdPart().equals("RecoursePayerInsurer"))
				.forEach(insurer -> insurer.setIdentifier(List.of(TestPayers.identifier(TestPayers.RECOURSE_PAYER_INSURER))));
		store(example, resource -> true);
		submitsBefore = PAYER_PROXY.forwarded(SUBMIT);
		inquiriesBefore = PAYER_PROXY.forwarded(INQUIRE);
	}

	/** {@code Claim/$submit} requests that reached the payer instance during this test. */
	long submitsForwarded() {
		return PAYER_PROXY.forwarded(SUBMIT) - submitsBefore;
	}

	/** {@code Claim/$inquire} requests that reached the payer instance during this test. */
	long inquiriesForwarded() {
		return PAYER_PROXY.forwarded(INQUIRE) - inquiriesBefore;
	}

	@AfterEach
	void proxyForwards() {
		PAYER_PROXY.reset();
	}

	/**
	 * The referral example's ids replaced in its fixtures, by the ids this test uses. A subclass adds its own (e.g. a
	 * patient and Coverage no other test touches) but keeps the insurer's, which routes the packet to the payer instance.
	 */
	Map<String, String> ownIds() {
		return OWN_IDS;
	}

	/** The example's denial under {@link #ownIds()}, as on file nowhere yet. */
	ClaimResponse ownDenial() throws Exception {
		return fhirContext.newJsonParser().parseResource(ClaimResponse.class, withOwnIds(DENIAL));
	}

	/** A case ready for its packet, on the example's denial of a request to the payer instance's insurer. */
	Task readyCaseAtRecoursePayer() throws Exception {
		return readyCaseAtRecoursePayer(denial -> { });
	}

	/** As {@link #readyCaseAtRecoursePayer()}, the denial changed first (e.g. dated today). */
	Task readyCaseAtRecoursePayer(java.util.function.Consumer<ClaimResponse> change) throws Exception {
		ClaimResponse denial = ownDenial();
		change.accept(denial);
		// the example names no Coverage; without one the case takes the patient's first active Coverage, which other tests share
		denial.addInsurance().setSequence(1).setFocal(true).setCoverage(new org.hl7.fhir.r4.model.Reference("Coverage/RecoursePayerInsurance"));
		return readyCase(denial);
	}

	/** The Claims the payer instance keeps with the packet's Claim identifier: one per filing. */
	int claimsAtPayer(Bundle packet) {
		Identifier claim = request(packet).getIdentifierFirstRep();
		return count("Claim?identifier=" + claim.getSystem() + "|" + claim.getValue());
	}

	/** The payer instance's answers (ClaimResponses) to requests with the packet's Claim identifier. */
	int claimResponsesAtPayer(Bundle packet) {
		Identifier claim = request(packet).getIdentifierFirstRep();
		return count("ClaimResponse?request.identifier=" + claim.getSystem() + "|" + claim.getValue());
	}

	/** The payer instance's id of its copy of the packet's Claim. */
	String claimIdAtPayer(Bundle packet) {
		Identifier claim = request(packet).getIdentifierFirstRep();
		Bundle found = payerAdmin.search().byUrl("Claim?identifier=" + claim.getSystem() + "|" + claim.getValue()).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
		return found.getEntryFirstRep().getResource().getIdElement().getIdPart();
	}

	/** {@code Claim/[id]/$decide} at the payer instance, as its reviewer (a registered payer client). */
	HttpResponse<String> decide(String claimId, String action) throws Exception {
		return decide(claimId, action, null);
	}

	/** As {@link #decide(String, String)}, with the note for the requester (none: null). */
	HttpResponse<String> decide(String claimId, String action, String note) throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("decision").setValue(new CodeType(action));
		if (note != null) {
			in.addParameter().setName("note").setValue(new org.hl7.fhir.r4.model.StringType(note));
		}
		return postToPayer("/Claim/" + claimId + "/$decide", payerTokens.payer("system/ClaimResponse.u"), in);
	}

	/** The answer the payer instance's {@code Claim/$inquire} gives the provider for the packet: PAS 2.2.1's first {@code return}. */
	Bundle inquiryAnswer(Bundle packet) throws Exception {
		String provider = payerTokens.jwt(claims -> claims.putAll(Map.of("client_id", TestPayers.RECOURSE_PROVIDER_CLIENT,
				"sub", TestPayers.RECOURSE_PROVIDER_CLIENT, "scope", TestPayers.PROVIDER_SCOPES)));
		HttpResponse<String> response = postToPayer("/Claim/$inquire", provider, InquiryBundle.of(packet));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Parameters answer = fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
		assertThat(answer.getParameter()).hasSize(1);
		return (Bundle) answer.getParameterFirstRep().getResource();
	}

	/** The provider's submission of the packet, as stored in the outbox. */
	Task submissionOf(Bundle packet) {
		return client.read().resource(Task.class).withId(SubmissionTask.idFor(packet.getIdentifier().getValue())).execute();
	}

	/** Drains with this drainer until the packet's submission is completed; fails after {@link #PATIENCE}. */
	void drainUntilCompleted(OutboxDrainer drainer, Bundle packet) throws Exception {
		eventually("the submission of " + packet.getIdentifier().getValue() + " completed", () -> {
			drainer.drainOnce();
			return submissionOf(packet).getStatus() == Task.TaskStatus.COMPLETED;
		});
	}

	/** Polls the condition every 20 ms (the tests' retry backoff is 10–50 ms) until it holds; fails after {@link #PATIENCE}. */
	static void eventually(String what, Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.call()) {
			if (System.nanoTime() > deadline) {
				fail("not within " + PATIENCE.toSeconds() + " s: " + what);
			}
			Thread.sleep(20);
		}
	}

	private int count(String search) {
		return payerAdmin.search().byUrl(search + "&_summary=count").returnBundle(Bundle.class).execute().getTotal();
	}

	private HttpResponse<String> postToPayer(String path, String token, IBaseResource body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(payer.fhirBase() + path)).header("Authorization", "Bearer " + token)
				.header("Accept", FHIR_JSON).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(body))));
	}

	/** A fixture's JSON with the referral example's ids replaced by this class's own. */
	private String withOwnIds(String path) throws Exception {
		try (var in = getClass().getResourceAsStream(path)) {
			String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> id : ownIds().entrySet()) {
				json = json.replace(id.getKey(), id.getValue());
			}
			return json;
		}
	}
}
