package dev.recourse.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code $assemble} over HTTP on the Da Vinci PAS referral example: its request bundle on file (plus the member
 * id the example leaves blank), the guide's rejection of it, a criteria map every open criterion of which a
 * specialist has answered, and a signed letter → a packet that validates; and the refusals naming what is missing.
 */
class AssembleIT extends PacketCaseSteps {
	private static final String POLICY = "http://recourse.dev/fhir/Questionnaire/cigna-adalimumab-ra|2026.11-transcribed";

	@BeforeEach
	void requestOnFile() throws Exception {
		storeReferralExample(resource -> true);
	}

	@Test
	void readyCase_givesAPacketThatValidates_claimFirst_everyReferenceInside() throws Exception {
		Task caseTask = readyCase(true);

		Bundle packet = assemble(caseTask);

		Claim appeal = (Claim) packet.getEntryFirstRep().getResource();
		assertThat(appeal.getMeta().hasProfile(PacketKind.APPEAL)).isTrue();
		assertThat(appeal.getItemFirstRep().getExtensionByUrl("http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-certificationType")
				.getValue()).isInstanceOfSatisfying(CodeableConcept.class, type -> assertThat(type.getCodingFirstRep().getCode()).isEqualTo("2"));
		assertThat(appeal.getItemFirstRep().getExtensionByUrl("http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-administrationReferenceNumber"))
				.isNotNull();
		assertThat(appeal.getSupportingInfo()).extracting(info -> ((Reference) info.getValue()).getReference())
				.contains(output(caseTask, "criteria-map"), output(caseTask, "letter"));
		assertThat(packet.getEntry()).filteredOn(entry -> entry.getResource() instanceof Claim).hasSize(1);
		assertEveryLocalReferenceResolvesInside(packet);
		assertThat(validationErrors(packet)).isEmpty();
		Task after = reread(caseTask);
		assertThat(output(after, "packet")).isEqualTo("Bundle/" + packet.getIdElement().getIdPart());
	}

	/** The path a specialist takes: map → $draft-letter → the prescriber's $sign → $assemble; the packet carries that letter. */
	@Test
	void draftedAndSignedLetter_assemblesIntoAPacketThatValidates() throws Exception {
		Task caseTask = openCase();
		answerOpenCriteria(map(caseTask));
		// the regime of this denial is unknown, so triage ranks other roads (peer-to-peer, fair hearing) first: the appeal is chosen
		HttpResponse<String> drafted = send(fhirRequest("/Task/" + caseTask.getIdElement().getIdPart() + "/$draft-letter")
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(
						"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"pathway\",\"valueCode\":\"internal-appeal\"}]}")));
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
		String letterId = fhirContext.newJsonParser().parseResource(DocumentReference.class, drafted.body()).getIdElement().getIdPart();
		HttpResponse<String> signed = send(fhirRequest("/DocumentReference/" + letterId + "/$sign",
				tokens.user(PRESCRIBER, "user/*.cruds"))
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);

		Bundle packet = assemble(caseTask);

		Claim appeal = (Claim) packet.getEntryFirstRep().getResource();
		assertThat(appeal.getSupportingInfo()).extracting(info -> ((Reference) info.getValue()).getReference())
				.contains("DocumentReference/" + letterId);
		DocumentReference letter = packet.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast)
				.filter(document -> document.getIdElement().getIdPart().equals(letterId)).findFirst().orElseThrow();
		assertThat(letter.getAuthenticator().getReference()).isEqualTo(PRESCRIBER);
		assertEveryLocalReferenceResolvesInside(packet);
		assertThat(validationErrors(packet)).isEmpty();
	}

	@Test
	void sameCaseContent_givesTheSamePacket_identifierIncluded() throws Exception {
		Task caseTask = readyCase(true);

		Bundle first = assemble(caseTask);
		Bundle second = assemble(caseTask);

		assertThat(second.getIdentifier().getValue()).isEqualTo(first.getIdentifier().getValue());
		assertThat(second.getMeta().getVersionId()).isEqualTo(first.getMeta().getVersionId());
	}

	@Test
	void unsignedLetter_is422_namingTheAuthenticator() throws Exception {
		Task caseTask = readyCase(false);

		HttpResponse<String> response = post(caseTask);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(expressions(response)).contains("DocumentReference.authenticator");
	}

	@Test
	void criterionNoSpecialistAnswered_is422_namingIt() throws Exception {
		Task caseTask = openCase();
		map(caseTask);
		caseTask = withLetter(reread(caseTask), true);

		HttpResponse<String> response = post(caseTask);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(expressions(response)).anyMatch(expression -> expression.startsWith("QuestionnaireResponse.item.where(linkId="));
		assertThat(response.body()).contains("no specialist has answered it");
	}

	@Test
	void noMapNoLetter_is422_listingBoth() throws Exception {
		HttpResponse<String> response = post(openCase());

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("run $map-criteria first", "run $draft-letter first");
	}

	// --- the case

	private Task readyCase(boolean signed) throws Exception {
		Task caseTask = openCase();
		QuestionnaireResponse map = map(caseTask);
		answerOpenCriteria(map);
		return withLetter(reread(caseTask), signed);
	}

	/** The guide's rejection, naming the Coverage it decided under as a payer's PAS response does (the example leaves it out). */
	private Task openCase() throws Exception {
		ClaimResponse denial = read(ClaimResponse.class, DENIAL);
		denial.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/InsuranceExample"));
		return openCase(denial);
	}

	private QuestionnaireResponse map(Task caseTask) {
		return map(caseTask, POLICY);
	}
}
