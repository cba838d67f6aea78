package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Claim/$submit} over HTTP, as PAS clients call it: the guide's prior-authorization requests and our own appeal
 * packet are received and answered at once with a pended PAS response that validates; the same submission again gets
 * the same answer and stores nothing; a different one under the same identifier, one that is not a PAS request, or
 * one that does not conform is refused, storing nothing; what is received never lands on this server's own records.
 */
class ClaimSubmitIT extends PasCalls {
	private static final String IG_PACKET = "profiles/Bundle-ocrevus-appeal-packet.json";

	@ParameterizedTest
	@MethodSource("dev.recourse.payer.PasFixtures#exampleRequests")
	void pasExampleRequest_isAnsweredPended_withAResponseBundleThatValidates(String file) throws Exception {
		Bundle request = pasExample(file);

		Bundle answer = answer(submit(pasClient(), request));

		assertThat(errors(answer, Pas.RESPONSE_BUNDLE)).isEmpty();
		assertPended(answer, request);
	}

	@Test
	void bundleInParameters_isTheSameSubmissionAsTheBundleAsBody() throws Exception {
		String client = pasClient();
		Bundle request = pasExample(REFERRAL);

		Bundle wrapped = answer(submit(client, wrapped(request)));
		Bundle bare = answer(submit(client, request));

		assertPended(wrapped, request);
		assertThat(json(bare)).isEqualTo(json(wrapped));
	}

	@Test
	void ourAppealPacket_isAccepted_andKeptWithItsProfiles() throws Exception {
		Bundle packet = fhirContext.newJsonParser().parseResource(Bundle.class, Files.readString(Path.of(IG_PACKET)));

		Bundle answer = answer(submit(pasClient(), packet));

		assertThat(errors(answer, Pas.RESPONSE_BUNDLE)).isEmpty();
		assertPended(answer, packet);
		Claim kept = storedRequest(PasFixtures.claimResponse(answer));
		assertThat(kept.getMeta().hasProfile("http://recourse.dev/fhir/StructureDefinition/recourse-appeal-request")).isTrue();
		assertThat(kept.getIdElement().getIdPart()).startsWith("pas-").isNotEqualTo("ocrevus-appeal");
		assertThat(kept.getPatient().getReference()).startsWith("Patient/pas-");
		assertThat(kept.getMeta().getSource()).startsWith("http://recourse.example.org/fhir/Claim/ocrevus-appeal");
	}

	/** PAS before 2.0 said "pended" with outcome queued; a request carrying such a response is accepted and kept in the 2.2 form. */
	@Test
	void aLegacyQueuedResponseInside_isAccepted_andKeptAsComplete() throws Exception {
		Bundle packet = fhirContext.newJsonParser().parseResource(Bundle.class, Files.readString(Path.of(IG_PACKET)));
		Bundle.BundleEntryComponent denialEntry = packet.getEntry().stream().filter(entry -> entry.getResource() instanceof ClaimResponse)
				.findFirst().orElseThrow();
		((ClaimResponse) denialEntry.getResource()).setOutcome(ClaimResponse.RemittanceOutcome.QUEUED);

		Bundle answer = answer(submit(pasClient(), packet));

		ClaimResponse kept = client.search().byUrl("ClaimResponse?_source=" + denialEntry.getFullUrl()).returnBundle(Bundle.class).execute()
				.getEntry().stream().map(entry -> (ClaimResponse) entry.getResource())
				.filter(response -> response.getIdElement().getIdPart().startsWith("pas-")).findFirst().orElseThrow();
		assertThat(kept.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(PasFixtures.claimResponse(answer).getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
	}

	@Test
	void sameSubmissionTwice_getsTheFirstAnswer_andStoresNothingNew() throws Exception {
		String client = pasClient();
		Bundle request = pasExample(REFERRAL);
		Bundle first = answer(submit(client, request));
		Map<String, Integer> before = counts();

		request.setTimestamp(new java.util.Date()); // rebuilt by the client, same content
		Bundle second = answer(submit(client, request));

		assertThat(json(second)).isEqualTo(json(first));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void sameSubmissionAtOnce_isStoredOnce_andEveryCallerGetsItsAnswer() throws Exception {
		String token = pasClient();
		Bundle request = pasExample("Bundle-SurgicalRequestBundleExample.json");
		java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(callers.submit(() -> submit(token, request)));
			}
			List<Bundle> answers = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<HttpResponse<String>> call : calls) {
				answers.add(answer(call.get()));
			}

			assertThat(answers).extracting(this::json).containsOnly(json(answers.get(0)));
			ClaimResponse stored = client.read().resource(ClaimResponse.class)
					.withId(PasFixtures.claimResponse(answers.get(0)).getIdElement().getIdPart()).execute();
			assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
		} finally {
			callers.shutdownNow();
		}
	}

	@Test
	void sameIdentifierDifferentContent_is409_namingTheIdentifier_andStoresNothing() throws Exception {
		String client = pasClient();
		Bundle request = pasExample(REFERRAL);
		answer(submit(client, request));
		Map<String, Integer> before = counts();
		((Claim) request.getEntryFirstRep().getResource()).getItemFirstRep().getProductOrService().getCodingFirstRep().setCode("4");

		HttpResponse<String> response = submit(client, request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
		assertThat(expressions(response)).containsExactly("Bundle.identifier");
		assertThat(response.body()).contains("different content", "conflict");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void claimWithoutPatient_is422_namingIt_andStoresNothing() throws Exception {
		Bundle request = pasExample(REFERRAL);
		((Claim) request.getEntryFirstRep().getResource()).setPatient(null);
		Map<String, Integer> before = counts();

		HttpResponse<String> response = submit(pasClient(), request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(expressions(response)).anyMatch(expression -> expression.contains("Claim") && expression.contains("patient")
				|| expression.startsWith("Bundle.entry[0]"));
		assertThat(response.body()).contains("patient", "unprocessable");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void tamperedPacketEntry_is422_namingIt_andStoresNothing() throws Exception {
		Bundle packet = fhirContext.newJsonParser().parseResource(Bundle.class, Files.readString(Path.of(IG_PACKET)));
		ClaimResponse denial = packet.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(ClaimResponse.class::isInstance).map(ClaimResponse.class::cast).findFirst().orElseThrow();
		denial.setInsurer(null);
		Map<String, Integer> before = counts();

		HttpResponse<String> response = submit(pasClient(), packet);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains("insurer");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void notAPasRequest_is422_sayingWhatAPasRequestIs() throws Exception {
		Bundle transaction = pasExample(REFERRAL).setType(Bundle.BundleType.TRANSACTION);
		Bundle patientFirst = pasExample(REFERRAL);
		patientFirst.getEntry().add(0, patientFirst.getEntry().remove(4));
		Bundle anonymous = pasExample(REFERRAL).setIdentifier(null);

		HttpResponse<String> wrongType = submit(pasClient(), transaction);
		HttpResponse<String> noClaimFirst = submit(pasClient(), patientFirst);
		HttpResponse<String> noIdentifier = submit(pasClient(), anonymous);

		assertThat(wrongType.statusCode()).isEqualTo(422);
		assertThat(expressions(wrongType)).containsExactly("Bundle.type");
		assertThat(wrongType.body()).contains("collection", "transaction");
		assertThat(noClaimFirst.statusCode()).isEqualTo(422);
		assertThat(expressions(noClaimFirst)).containsExactly("Bundle.entry[0].resource");
		assertThat(noClaimFirst.body()).contains("Patient/SubscriberExample");
		assertThat(noIdentifier.statusCode()).isEqualTo(422);
		assertThat(expressions(noIdentifier)).containsExactly("Bundle.identifier");
	}

	@Test
	void aClaimInsteadOfABundle_is400() throws Exception {
		Claim claim = (Claim) pasExample(REFERRAL).getEntryFirstRep().getResource();

		HttpResponse<String> response = submit(pasClient(), claim);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("PAS request Bundle");
	}

	@Test
	void receivedResources_neverOverwriteThisServersOwn() throws Exception {
		Patient own = new Patient();
		own.setId("SubscriberExample");
		own.addName().setFamily("Own-" + System.nanoTime());
		client.update().resource(own).execute();
		Patient before = client.read().resource(Patient.class).withId("SubscriberExample").execute();

		answer(submit(pasClient(), pasExample(REFERRAL)));

		Patient after = client.read().resource(Patient.class).withId("SubscriberExample").execute();
		assertThat(after.getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
		assertThat(after.getNameFirstRep().getFamily()).isEqualTo(before.getNameFirstRep().getFamily());
	}

	@Test
	void callers_areSystemsWithClaimCreate() throws Exception {
		Bundle request = pasExample(REFERRAL);

		HttpResponse<String> withoutClaimCreate = submit(tokens.system("system/Claim.rs"), request);
		HttpResponse<String> patientApp = submit(tokens.patient("authz-a", "patient/Claim.c"), request);
		HttpResponse<String> userApp = submit(tokens.user("Practitioner/p1", "user/Claim.c"), request);

		assertThat(withoutClaimCreate.statusCode()).isEqualTo(403);
		assertThat(patientApp.statusCode()).isEqualTo(403);
		assertThat(userApp.statusCode()).isEqualTo(403);
		assertThat(userApp.body()).contains("system/");
	}

	// --- checks

	private void assertPended(Bundle answer, Bundle request) {
		assertThat(answer.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
		assertThat(answer.getIdentifier().getValue()).isEqualTo(request.getIdentifier().getValue());
		ClaimResponse response = PasFixtures.claimResponse(answer);
		Claim claim = (Claim) request.getEntryFirstRep().getResource();
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(response.getItem()).extracting(ClaimResponse.ItemComponent::getItemSequence)
				.containsExactlyElementsOf(claim.getItem().stream().map(Claim.ItemComponent::getSequence).toList());
		assertThat(PasFixtures.reviewActions(response)).isNotEmpty().allMatch("A4"::equals);
		assertThat(response.getPreAuthRef()).startsWith("PA-");
		assertThat(PasFixtures.reviewNumbers(response)).allMatch(response.getPreAuthRef()::equals);
		assertThat(response.getIdentifier()).anyMatch(identifier -> Pas.TRACKING_NUMBER_SYSTEM.equals(identifier.getSystem())
				&& response.getPreAuthRef().equals(identifier.getValue()));
		String patientFullUrl = request.getEntry().stream()
				.filter(entry -> claim.getPatient().getReference().endsWith(entry.getResource().fhirType() + "/"
						+ entry.getResource().getIdElement().getIdPart()))
				.map(Bundle.BundleEntryComponent::getFullUrl).findFirst().orElseThrow();
		assertThat(response.getPatient().getReference()).isEqualTo(patientFullUrl);
		assertThat(answer.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl).contains(patientFullUrl);
		assertThat(answer.getEntry()).noneMatch(entry -> entry.getResource() instanceof Claim);
		String coverage = response.getInsuranceFirstRep().getCoverage().getReference();
		assertThat(answer.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl).contains(coverage);
	}

	/** Our copy of the request the stored answer is to. */
	private Claim storedRequest(ClaimResponse wire) {
		ClaimResponse stored = client.read().resource(ClaimResponse.class).withId(wire.getIdElement().getIdPart()).execute();
		return client.read().resource(Claim.class).withUrl(stored.getRequest().getReference()).execute();
	}
}
