package dev.recourse.filing;

import static dev.recourse.support.LetterTexts.pdfText;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.Constants;
import dev.recourse.packet.SeedPlan;
import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * {@code $draft-letter} for the filings past the plan, over HTTP: external review to the state's process, the Part D
 * IRE request, the Medicaid fair hearing request — each addressed from rules/filing-addressees-*.yaml, with its deadline,
 * citations and enclosures, conforming to RecourseLetter, signed by the prescriber — and the refusals (422 naming the
 * element): the plan's state unknown, a state with no addressee row, a pathway the regime does not have, a denial that
 * is not final, the Medicare Advantage IRE nobody files.
 */
class FilingLettersIT extends FhirIntegrationTest {
	private static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-letter";
	private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
	/** The first of this month: within every window, and a day every month has (month arithmetic stays plain). */
	private static final LocalDate NOTICE = LocalDate.now().withDayOfMonth(1);

	@Test
	void externalReview_ofAFinalInternalDenial_ofAnInsuredNewYorkPlan_goesToDfs_andIsSigned() throws Exception {
		Filed filed = caseOf("aca-individual", "final-internal", patient -> patient.addAddress().setState("NY"), coverage -> { });

		HttpResponse<String> response = draft(filed.caseId(), "external-review");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentReference letter = parse(response, DocumentReference.class);
		assertThat(letter.getType().getText()).isEqualTo("Request for external review");
		assertConforms(letter);
		String text = pdfText(letter);
		assertThat(text).contains("New York State Department of Financial Services, External Appeal")
				.contains("One Commerce Plaza (unverified: confirm before sending)")
				.contains("NY (from the patient's address)")
				// state-external-review-filing: four months after receipt, not rolled
				.contains(LETTER_DATE.format(NOTICE.plusMonths(4)))
				.contains("N.Y. Ins. Law §4910-4914").contains("45 CFR 147.136(c)")
				.contains("The plan's denial notice dated " + NOTICE + " (ClaimResponse/" + filed.plan().denialId() + ")")
				.contains("at level final-internal, marked by its decision-level extension");

		DocumentReference expedited = parse(draft(filed.caseId(), "expedited-external-review"), DocumentReference.class);
		assertThat(pdfText(expedited)).contains("Request for expedited external review").contains("Expedited review is requested.")
				.contains("New York State Department of Financial Services, External Appeal").contains("45 CFR 147.136(c), (d)(3)");

		HttpResponse<String> signed = send(fhirRequest("/DocumentReference/" + letter.getIdElement().getIdPart() + "/$sign",
				tokens.user("Practitioner/" + filed.plan().prescriberId(), "user/*.cruds")).header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		DocumentReference final_ = parse(signed, DocumentReference.class);
		assertThat(final_.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
		assertThat(pdfText(final_)).contains("Request for external review").contains("Signed ").contains("Nadia Ferro");
		assertConforms(final_);
	}

	@Test
	void externalReview_ofAnInsuredCaliforniaPlan_goesToDmhc_andSaysWhichPlansGoToCdi() throws Exception {
		Filed filed = caseOf("aca-individual", "final-internal", patient -> patient.addAddress().setState("CA"), coverage -> { });

		HttpResponse<String> response = draft(filed.caseId(), "external-review");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentReference letter = parse(response, DocumentReference.class);
		assertConforms(letter);
		assertThat(pdfText(letter)).contains("California Department of Managed Health Care, Help Center (Independent Medical Review)")
				.contains("980 Ninth Street, Suite 500").contains("Sacramento, CA 95814-2725").contains("Fax 916-255-5241")
				.contains("Check the office: DMHC regulates HMOs and most PPO plans.").contains("California Department of Insurance")
				.contains("CA (from the patient's address)").contains("Cal. Health & Safety Code §1374.30-1374.36")
				.doesNotContain("unverified");
	}

	@Test
	void externalReview_inPennsylvania_leavesTheAddressTheSourceDidNotShowAsAGapToFill() throws Exception {
		Filed filed = caseOf("erisa-insured", "final-internal", patient -> { }, coverage -> coverage.addExtension(PlanState.EXTENSION, new CodeType("PA")));

		HttpResponse<String> response = draft(filed.caseId(), "external-review");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(pdfText(parse(response, DocumentReference.class))).contains("Pennsylvania Insurance Department, Independent External Review")
				.contains("[to be completed by the specialist: address]")
				.contains("Telephone 1-877-881-6388 (unverified: confirm before sending)")
				.contains("PA (from the plan's state on its Coverage)").contains("Act 146 of 2022");
	}

	@Test
	void partD_ireRequest_afterAnUpheldRedetermination_goesToC2c_withoutAState() throws Exception {
		Filed filed = caseOf("medicare-part-d", "internal-appeal", patient -> { }, coverage -> { });

		HttpResponse<String> response = draft(filed.caseId(), "ire-reconsideration");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentReference letter = parse(response, DocumentReference.class);
		assertConforms(letter);
		assertThat(pdfText(letter)).contains("Request for reconsideration by the Part D independent review entity")
				.contains("C2C Innovative Solutions, Inc., Part D Drug Reconsiderations").contains("P.O. Box 44166")
				.contains("Jacksonville, FL 32231-4166").doesNotContain("unverified")
				// partd-ire-filing: 60 days after receipt, presumed 5 days after the notice
				.contains(LETTER_DATE.format(NOTICE.plusDays(65))).contains("42 CFR 423.600");
	}

	@Test
	void fairHearing_afterTheMedicaidPlansAppeal_inNewYork_goesToOtda() throws Exception {
		Filed filed = caseOf("medicaid-managed-care", "internal-appeal", patient -> { },
				coverage -> coverage.addExtension(PlanState.EXTENSION, new CodeType("NY")));

		HttpResponse<String> response = draft(filed.caseId(), "state-fair-hearing");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentReference letter = parse(response, DocumentReference.class);
		assertConforms(letter);
		assertThat(pdfText(letter)).contains("Request for a state fair hearing")
				.contains("New York State Office of Temporary and Disability Assistance, Office of Administrative Hearings")
				.contains("Telephone 1-800-342-3334 (unverified: confirm before sending)").contains("Fax 518-473-6735")
				.contains("NY (from the plan's state on its Coverage)")
				.contains(LETTER_DATE.format(NOTICE.plusDays(90))).contains("42 CFR 438.408(f)(2)");
	}

	@Test
	void fairHearing_withTheStateUnknown_is422NamingPlanState() throws Exception {
		Filed filed = caseOf("medicaid-managed-care", "internal-appeal", patient -> { }, coverage -> { });

		OperationOutcome outcome = refused(draft(filed.caseId(), "state-fair-hearing"));

		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("Coverage.extension:plan-state");
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("The plan's state is not known");
	}

	@Test
	void fairHearing_inAStateWithoutAnAddresseeRow_is422NamingTheStateAndTheFile() throws Exception {
		Filed filed = caseOf("medicaid-managed-care", "internal-appeal", patient -> patient.addAddress().setState("WY"), coverage -> { });

		OperationOutcome outcome = refused(draft(filed.caseId(), "state-fair-hearing"));

		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("pathway");
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("in WY (the patient's address)")
				.contains("add a row for WY to rules/filing-addressees-fair-hearing.yaml");
	}

	@Test
	void fairHearing_forAnAcaPlan_is422_theRegimeHasNoSuchPathway() throws Exception {
		Filed filed = caseOf("aca-individual", "final-internal", patient -> patient.addAddress().setState("NY"), coverage -> { });

		OperationOutcome outcome = refused(draft(filed.caseId(), "state-fair-hearing"));

		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("pathway");
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("state-fair-hearing is not open for this case")
				.contains("no rule opens it for a aca-individual plan");
	}

	@Test
	void externalReview_ofAnInitialDenial_is422_notFinal() throws Exception {
		Filed filed = caseOf("aca-individual", null, patient -> patient.addAddress().setState("NY"), coverage -> { });

		OperationOutcome outcome = refused(draft(filed.caseId(), "external-review"));

		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("pathway");
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("external-review is not open for this case")
				.contains("The case stands at initial").contains(dev.recourse.denial.DecisionLevel.EXTENSION);
	}

	@Test
	void medicareAdvantageIre_is422_thePlanForwardsIt() throws Exception {
		Filed filed = caseOf("medicare-advantage", "internal-appeal", patient -> { }, coverage -> { });

		OperationOutcome outcome = refused(draft(filed.caseId(), "ire-reconsideration"));

		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Nothing to file").contains("422.590(a)(2), (b)(2); 422.592");
	}

	@Test
	void filingPacket_refusedUntilTheLetterIsSigned_thenADocumentBundleThatConforms_theSameOnAgain() throws Exception {
		Filed filed = caseOf("aca-individual", "final-internal", patient -> patient.addAddress().setState("NY"), coverage -> { });
		DocumentReference letter = parse(draft(filed.caseId(), "external-review"), DocumentReference.class);

		OperationOutcome unsigned = refused(assembleFiling(filed.caseId(), "external-review"));
		assertThat(unsigned.getIssue()).extracting(issue -> issue.getExpression().get(0).getValue()).containsExactly("DocumentReference.authenticator");
		assertThat(send(fhirRequest("/DocumentReference/" + letter.getIdElement().getIdPart() + "/$sign",
				tokens.user("Practitioner/" + filed.plan().prescriberId(), "user/*.cruds")).header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}"))).statusCode()).isEqualTo(200);

		HttpResponse<String> response = assembleFiling(filed.caseId(), "external-review");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Bundle packet = parse(response, Bundle.class);
		assertThat(packet.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
		org.hl7.fhir.r4.model.Composition index = (org.hl7.fhir.r4.model.Composition) packet.getEntryFirstRep().getResource();
		assertThat(index.getType().getCodingFirstRep().getCode()).isEqualTo("filing-packet");
		assertThat(index.getTitle()).isEqualTo("Request for external review");
		assertThat(index.getAttesterFirstRep().getParty().getReference()).isEqualTo("Practitioner/" + filed.plan().prescriberId());
		assertThat(index.getSection()).extracting(org.hl7.fhir.r4.model.Composition.SectionComponent::getTitle)
				.startsWith("Filing letter", "The plan's decisions");
		assertThat(index.getSection().get(0).getEntryFirstRep().getReference()).isEqualTo("DocumentReference/" + letter.getIdElement().getIdPart());
		assertThat(index.getSection().get(1).getEntryFirstRep().getReference()).isEqualTo("ClaimResponse/" + filed.plan().denialId());
		assertThat(packet.getEntry()).extracting(entry -> entry.getResource().fhirType())
				.contains("DocumentReference", "ClaimResponse", "Patient", "Coverage", "Practitioner");
		HttpResponse<String> validated = send(fhirRequest("/Bundle/$validate?profile=" + FilingPacketProfile.URL).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(response.body())));
		assertThat(parse(validated, OperationOutcome.class).getIssue()).as(validated.body())
				.noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR || issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
		Task caseTask = client.read().resource(Task.class).withId(filed.caseId()).execute();
		assertThat(caseTask.getOutput()).anySatisfy(output -> assertThat(((org.hl7.fhir.r4.model.Reference) output.getValue()).getReference())
				.isEqualTo("Bundle/" + packet.getIdElement().getIdPart()));
		assertThat(parse(assembleFiling(filed.caseId(), "external-review"), Bundle.class).getIdentifier().getValue())
				.isEqualTo(packet.getIdentifier().getValue());
	}

	@Test
	void filingPacket_ofAnInitialDenialWithoutALetter_is422ListingBoth_aComplaintIsNotPacked() throws Exception {
		Filed filed = caseOf("aca-individual", null, patient -> patient.addAddress().setState("NY"), coverage -> { });

		OperationOutcome outcome = refused(assembleFiling(filed.caseId(), "external-review"));

		assertThat(outcome.getIssue()).extracting(issue -> issue.getExpression().get(0).getValue()).containsExactly("pathway", "DocumentReference");
		assertThat(outcome.getIssue().get(0).getDiagnostics()).contains("the case stands at initial");
		assertThat(outcome.getIssue().get(1).getDiagnostics()).contains("draft it with $draft-letter");
		assertThat(refused(assembleFiling(filed.caseId(), "regulator-complaint")).getIssueFirstRep().getDiagnostics())
				.contains("regulator-complaint is not a filing packed with enclosures");
	}

	private HttpResponse<String> assembleFiling(String caseId, String pathway) throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("pathway").setValue(new CodeType(pathway));
		return send(fhirRequest("/Task/" + caseId + "/$assemble-filing").header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));
	}

	/** The filing packet profile's canonical. */
	static final class FilingPacketProfile {
		static final String URL = "http://recourse.dev/fhir/StructureDefinition/recourse-filing-packet";
	}

	// --- a case per test, dated NOTICE, at a decision level

	record Filed(SeedPlan plan, String caseId) {
	}

	private Filed caseOf(String regime, String decisionLevel, Consumer<Patient> patient, Consumer<Coverage> coverage) {
		FilingCases.Filed filed = FilingCases.open(fhirContext, client, NOTICE, regime, decisionLevel, patient, coverage);
		return new Filed(filed.plan(), filed.caseId());
	}

	private HttpResponse<String> draft(String caseId, String pathway) throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("pathway").setValue(new CodeType(pathway));
		return send(fhirRequest("/Task/" + caseId + "/$draft-letter").header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));
	}

	private OperationOutcome refused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		OperationOutcome outcome = parse(response, OperationOutcome.class);
		assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("unprocessable");
		return outcome;
	}

	private <T extends Resource> T parse(HttpResponse<String> response, Class<T> type) {
		return fhirContext.newJsonParser().parseResource(type, response.body());
	}

	private void assertConforms(DocumentReference letter) throws Exception {
		HttpResponse<String> response = send(fhirRequest("/DocumentReference/$validate?profile=" + PROFILE).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(letter))));
		OperationOutcome outcome = parse(response, OperationOutcome.class);
		assertThat(outcome.getIssue()).as(response.body()).noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
				|| issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
	}
}
