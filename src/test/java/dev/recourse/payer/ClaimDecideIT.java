package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * {@code Claim/[id]/$decide} over HTTP: the payer's reviewer denies a received PAS request with an X12 886 reason and
 * a note; the stored answer says so on every item, and the requester's resubmission is answered with the decision.
 * A decision that is not one, a denial without its reason, a Claim that was not received, and a caller that is not the
 * payer are refused.
 */
class ClaimDecideIT extends PasCalls {
	private static final String POLICY = "http://recourse.dev/fhir/Questionnaire/cigna-adalimumab-ra|2026.11-transcribed";

	@Test
	void denial_withReasonAndNote_isOnEveryItem_andAnsweredToTheResubmission() throws Exception {
		Received received = receive();

		HttpResponse<String> response = decide(received.claimId(), "A3", "03", "Not medically necessary: criterion 2 (age) not met.",
				tokens.payer("system/ClaimResponse.u"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		ClaimResponse decided = fhirContext.newJsonParser().parseResource(ClaimResponse.class, response.body());
		assertThat(decided.getItem()).isNotEmpty().allSatisfy(item -> {
			Extension review = item.getAdjudicationFirstRep().getExtensionByUrl(Pas.REVIEW_ACTION);
			assertThat(((CodeableConcept) review.getExtensionByUrl(Pas.REVIEW_ACTION_CODE).getValue()).getCodingFirstRep().getCode()).isEqualTo("A3");
			assertThat(((CodeableConcept) review.getExtensionByUrl("reasonCode").getValue()).getCodingFirstRep().getCode()).isEqualTo("03");
		});
		assertThat(decided.getProcessNoteFirstRep().getText()).isEqualTo("Not medically necessary: criterion 2 (age) not met.");
		assertThat(decided.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);

		Bundle again = answer(submit(received.token(), received.request()));
		ClaimResponse answered = (ClaimResponse) again.getEntryFirstRep().getResource();
		assertThat(((CodeableConcept) answered.getItemFirstRep().getAdjudicationFirstRep().getExtensionByUrl(Pas.REVIEW_ACTION)
				.getExtensionByUrl(Pas.REVIEW_ACTION_CODE).getValue()).getCodingFirstRep().getCode()).isEqualTo("A3");
	}

	@Test
	void notADecision_is400_namingIt_andADenialWithoutItsReason_is422() throws Exception {
		Received received = receive();
		String payer = tokens.payer("system/ClaimResponse.u");

		HttpResponse<String> unknown = decide(received.claimId(), "Z9", null, null, payer);
		HttpResponse<String> bare = decide(received.claimId(), "A3", null, null, payer);

		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
		assertThat(expressions(unknown)).contains("decision");
		assertThat(bare.statusCode()).as(bare.body()).isEqualTo(422);
		assertThat(expressions(bare)).contains("reason");
	}

	@Test
	void aClaimThatWasNotReceived_is404_andOnlyThePayerDecides() throws Exception {
		Received received = receive();

		HttpResponse<String> notReceived = decide("not-a-received-claim", "A1", null, null, tokens.payer("system/ClaimResponse.u"));
		HttpResponse<String> byTheEhr = decide(received.claimId(), "A1", null, null, tokens.system("system/*.cruds"));

		assertThat(notReceived.statusCode()).as(notReceived.body()).isEqualTo(404);
		assertThat(byTheEhr.statusCode()).as(byTheEhr.body()).isEqualTo(403);
	}

	@Test
	void denial_namesThePolicyCriterion_andTheReviewer() throws Exception {
		Received received = receive();
		Parameters in = decision("A3", "03", "Criterion CIGNA-ADA-RA-3 (conventional DMARD trial) not met.");
		in.addParameter().setName("policy").setValue(new CanonicalType(POLICY));
		in.addParameter().setName("criterion").setValue(new StringType("CIGNA-ADA-RA-3"));
		in.addParameter().setName("reviewer").setValue(new Reference().setIdentifier(new Identifier().setSystem(Pas.NPI).setValue("1407071236")));

		HttpResponse<String> response = post("/Claim/" + received.claimId() + "/$decide", tokens.payer("system/ClaimResponse.u"), in);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		ClaimResponse decided = fhirContext.newJsonParser().parseResource(ClaimResponse.class, response.body());
		assertThat(decided.getItem()).isNotEmpty().allSatisfy(item -> {
			Extension basis = item.getAdjudicationFirstRep().getExtensionByUrl(DenialBasis.EXTENSION);
			assertThat(basis.getExtensionByUrl("policy").getValue().primitiveValue()).isEqualTo(POLICY);
			assertThat(basis.getExtensionByUrl("criterionId").getValue().primitiveValue()).isEqualTo("CIGNA-ADA-RA-3");
			assertThat(basis.getExtensionByUrl("text").getValue().primitiveValue()).startsWith("Tried one conventional synthetic DMARD");
		});
		Extension reviewer = decided.getExtensionByUrl(Pas.CLAIM_RESPONSE_REVIEWER);
		assertThat(reviewer.getExtensionByUrl("wasHumanReviewedFlag").getValue().primitiveValue()).isEqualTo("true");
		assertThat(((Identifier) reviewer.getExtensionByUrl("reviewerNPI").getValue()).getValue()).isEqualTo("1407071236");
	}

	@Test
	void aCriterionThePolicyLacks_anUnversionedPolicy_orACriterionOnAnApproval_areRefused_namingTheElement() throws Exception {
		Received received = receive();
		String payer = tokens.payer("system/ClaimResponse.u");

		HttpResponse<String> unknown = post("/Claim/" + received.claimId() + "/$decide", payer, withBasis(decision("A3", "03", null), POLICY, "CIGNA-ADA-RA-9"));
		HttpResponse<String> unversioned = post("/Claim/" + received.claimId() + "/$decide", payer,
				withBasis(decision("A3", "03", null), POLICY.substring(0, POLICY.indexOf('|')), "CIGNA-ADA-RA-3"));
		HttpResponse<String> approval = post("/Claim/" + received.claimId() + "/$decide", payer, withBasis(decision("A1", null, null), POLICY, "CIGNA-ADA-RA-3"));
		HttpResponse<String> nobody = post("/Claim/" + received.claimId() + "/$decide", payer,
				decision("A3", "03", null).addParameter("reviewer", new Reference("Practitioner/no-such-reviewer")));

		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
		assertThat(expressions(unknown)).contains("criterion");
		assertThat(unknown.body()).contains("CIGNA-ADA-RA-9", "CIGNA-ADA-RA-1");
		assertThat(unversioned.statusCode()).as(unversioned.body()).isEqualTo(400);
		assertThat(expressions(unversioned)).contains("policy");
		assertThat(approval.statusCode()).as(approval.body()).isEqualTo(422);
		assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(422);
		assertThat(expressions(nobody)).contains("reviewer");
	}

	// ---

	record Received(String token, Bundle request, String claimId) {
	}

	/** The guide's referral request, received from a PAS client of its own; our copy of its Claim. */
	private Received receive() throws Exception {
		String client = "pas-client-" + UUID.randomUUID();
		String token = tokens.jwt(claims -> claims.putAll(Map.of("client_id", client, "sub", client,
				"scope", "system/Claim.c system/ClaimResponse.s")));
		Bundle request = pasExample(REFERRAL);
		answer(submit(token, request));
		String claimId = Submission.of(client, request.getIdentifier()).copyId(request.getEntryFirstRep().getFullUrl());
		return new Received(token, request, claimId);
	}

	private HttpResponse<String> decide(String claimId, String action, String reason, String note, String token) throws Exception {
		return post("/Claim/" + claimId + "/$decide", token, decision(action, reason, note));
	}

	private static Parameters decision(String action, String reason, String note) {
		Parameters in = new Parameters();
		in.addParameter().setName("decision").setValue(new CodeType(action));
		if (reason != null) {
			in.addParameter().setName("reason").setValue(new Coding(Decision.X12_886, reason, null));
		}
		if (note != null) {
			in.addParameter().setName("note").setValue(new StringType(note));
		}
		return in;
	}

	private static Parameters withBasis(Parameters in, String policy, String criterion) {
		in.addParameter().setName("policy").setValue(new CanonicalType(policy));
		in.addParameter().setName("criterion").setValue(new StringType(criterion));
		return in;
	}
}
