package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dev.recourse.support.RecourseInstance;
import dev.recourse.support.TestInstances;
import dev.recourse.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payer Recourse instance ({@link TestInstances#payer()}: its own JVM-local Spring context, PostgreSQL database
 * and port) as a PAS client meets it over HTTP: the guide's example requests and inquiry are accepted; a tampered
 * resubmission (same identifier, other content) is 409 and a non-conforming request 422, each naming the element
 * and storing nothing; without a token for this server, nothing at all.
 */
class PayerInstanceIT extends PasCalls {
	private RecourseInstance payer;
	private TestTokens payerTokens;
	private IGenericClient payerAdmin;

	@BeforeEach
	void recoursePayer() {
		payer = TestInstances.payer();
		payerTokens = new TestTokens(ISSUER, payer.fhirBase());
		payerAdmin = clientWith(payer.fhirBase(), payerTokens.system(ADMIN_SCOPES));
	}

	@ParameterizedTest
	@MethodSource("dev.recourse.payer.PasFixtures#exampleRequests")
	void pasExampleRequest_isAnsweredPended_withAResponseBundleThatValidates(String file) throws Exception {
		Bundle request = pasExample(file);

		Bundle answer = answer(toPayer("/Claim/$submit", pasClientAtPayer(), request));

		assertThat(errors(answer, Pas.RESPONSE_BUNDLE)).isEmpty();
		assertThat(answer.getIdentifier().getValue()).isEqualTo(request.getIdentifier().getValue());
		assertThat(PasFixtures.reviewActions(PasFixtures.claimResponse(answer))).isNotEmpty().allMatch("A4"::equals);
	}

	@Test
	void pasExampleInquiry_isAnswered() throws Exception {
		String client = pasClientAtPayer();
		answer(toPayer("/Claim/$submit", client, pasExample(REFERRAL)));

		HttpResponse<String> response = toPayer("/Claim/$inquire", client, pasExample(INQUIRY));

		assertThat(parameters(response).getParameter()).allMatch(parameter -> parameter.getName().equals("return"));
	}

	@Test
	void sameIdentifierDifferentContent_is409_namingTheIdentifier_andStoresNothing() throws Exception {
		String client = pasClientAtPayer();
		Bundle request = pasExample(REFERRAL);
		answer(toPayer("/Claim/$submit", client, request));
		int claims = claimsAtPayer();
		((Claim) request.getEntryFirstRep().getResource()).getItemFirstRep().getProductOrService().getCodingFirstRep().setCode("4");

		HttpResponse<String> response = toPayer("/Claim/$submit", client, request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
		assertThat(expressions(response)).containsExactly("Bundle.identifier");
		assertThat(response.body()).contains("different content");
		assertThat(claimsAtPayer()).isEqualTo(claims);
	}

	@Test
	void claimWithoutPatient_is422_namingIt_andStoresNothing() throws Exception {
		Bundle request = pasExample(REFERRAL);
		((Claim) request.getEntryFirstRep().getResource()).setPatient(null);
		int claims = claimsAtPayer();

		HttpResponse<String> response = toPayer("/Claim/$submit", pasClientAtPayer(), request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		// the validator names the missing element in the message and points at the resource that lacks it
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(outcome.getIssue()).filteredOn(issue -> issue.getDiagnostics().contains("Claim.patient")).isNotEmpty()
				.allSatisfy(issue -> assertThat(issue.getExpression()).extracting(StringType::getValue)
						.containsExactly("Bundle.entry[0].resource/*Claim/ReferralAuthorizationExample*/"));
		assertThat(claimsAtPayer()).isEqualTo(claims);
	}

	@Test
	void withoutATokenForThisServer_is401() throws Exception {
		Bundle request = pasExample(REFERRAL);
		String forTheSharedServer = tokens.jwt(claims -> claims.putAll(Map.of("scope", "system/Claim.c")));

		HttpResponse<String> anonymous = toPayer("/Claim/$submit", null, request);
		HttpResponse<String> otherAudience = toPayer("/Claim/$submit", forTheSharedServer, request);

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(otherAudience.statusCode()).isEqualTo(401);
	}

	// ---

	/** A PAS client of the payer instance: a backend service of its own, allowed to submit and inquire there. */
	private String pasClientAtPayer() {
		String client = "pas-client-" + UUID.randomUUID();
		return payerTokens.jwt(claims -> claims.putAll(Map.of("client_id", client, "sub", client,
				"scope", "system/Claim.c system/ClaimResponse.s")));
	}

	private HttpResponse<String> toPayer(String path, String token, IBaseResource body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(payer.fhirBase() + path)).header("Accept", FHIR_JSON)
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(json(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private int claimsAtPayer() {
		return payerAdmin.search().byUrl("Claim?_summary=count").returnBundle(Bundle.class).execute().getTotal();
	}
}
