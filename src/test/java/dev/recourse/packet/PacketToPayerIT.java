package dev.recourse.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.conformance.ConformanceValidator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One server as both sides: the packet the provider side assembles is sent to the payer side's PAS
 * {@code Claim/$submit} of the same server, which receives it (pended) under ids of its own — the case, the packet and
 * the patient, payer and provider records the packet was built from stay as they were.
 */
class PacketToPayerIT extends PacketCaseSteps {
	private static final String POLICY = "http://recourse.dev/fhir/Questionnaire/cigna-adalimumab-ra|2026.11-transcribed";
	private static final String PAS_RESPONSE_BUNDLE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-response-bundle";

	@Autowired
	ConformanceValidator validator;

	@BeforeEach
	void requestOnFile() throws Exception {
		storeReferralExample(resource -> true);
	}

	@Test
	void assembledPacket_isReceivedPended_andTheProviderSidesRecordsAreUntouched() throws Exception {
		Task caseTask = openCase(read(ClaimResponse.class, DENIAL));
		answerOpenCriteria(map(caseTask, POLICY));
		Bundle packet = assemble(withLetter(reread(caseTask), true));
		Patient patientBefore = client.read().resource(Patient.class).withId("SubscriberExample").execute();
		Task caseBefore = reread(caseTask);

		HttpResponse<String> response = send(fhirRequest("/Claim/$submit", tokens.system("system/Claim.c"))
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(packet))));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Bundle answer = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
		assertThat(errors(answer)).isEmpty();
		ClaimResponse pended = (ClaimResponse) answer.getEntryFirstRep().getResource();
		assertThat(pended.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		// the packet's own fullUrl, which HAPI writes relative since it is this server's base
		assertThat(pended.getPatient().getReference()).isIn(fhirBase() + "/Patient/SubscriberExample", "Patient/SubscriberExample");
		assertThat(answer.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl).contains(fhirBase() + "/Patient/SubscriberExample");
		assertThat(client.read().resource(Patient.class).withId("SubscriberExample").execute().getMeta().getVersionId())
				.isEqualTo(patientBefore.getMeta().getVersionId());
		assertThat(reread(caseTask).getMeta().getVersionId()).isEqualTo(caseBefore.getMeta().getVersionId());
		Bundle packetAfter = client.read().resource(Bundle.class).withId(packet.getIdElement().getIdPart()).execute();
		assertThat(packetAfter.getMeta().getVersionId()).isEqualTo(packet.getMeta().getVersionId());
	}

	private List<String> errors(Bundle answer) {
		return validator.errors(answer, PAS_RESPONSE_BUNDLE).stream().map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
	}
}
