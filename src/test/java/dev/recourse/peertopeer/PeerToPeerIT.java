package dev.recourse.peertopeer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.packet.SeedPlan;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.LetterTexts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * Peer-to-peer over HTTP: the request and the appointment as plain REST writes under their profiles, then
 * {@code $record-peer-to-peer}: upheld → the peer-to-peer is spent and the case's next step is the internal appeal;
 * overturned → the case waits for the payer's written decision; bad input → 4xx naming the element, nothing written.
 */
class PeerToPeerIT extends FhirIntegrationTest {
	private static final String PATHWAY = "http://recourse.dev/fhir/CodeSystem/pathway";
	private static final String PATHWAY_EXTENSION = "http://recourse.dev/fhir/StructureDefinition/pathway";

	@Test
	void upheld_spendsThePeerToPeer_andTheNextStepIsTheInternalAppeal() throws Exception {
		SeedPlan plan = plan();
		Task opened = openCase(plan);
		assertThat(pathway(opened)).isEqualTo("peer-to-peer");
		CommunicationRequest request = requestPeerToPeer(opened, plan);
		Appointment appointment = schedule(opened, plan, request);

		Communication outcome = record(opened, "upheld", "Dr Lee (plan reviewer) kept the denial: no documented trial of a DMARD. Ref P2P-77.");

		Task moved = readCase(opened);
		assertThat(moved.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("upheld");
		assertThat(pathway(moved)).isEqualTo("internal-appeal");
		assertThat(moved.getRestriction().getPeriod().hasEnd()).isTrue();
		assertThat(moved.getNote()).anySatisfy(note -> assertThat(note.getText()).contains("Peer-to-peer upheld").contains("internal-appeal"));
		assertThat(moved.getOutput()).anySatisfy(output -> assertThat(((Reference) output.getValue()).getReference())
				.isEqualTo("Communication/" + outcome.getIdElement().getIdPart()));
		assertThat(outcomeCode(outcome)).isEqualTo("upheld");
		assertThat(outcome.getPartOfFirstRep().getReference()).isEqualTo("Task/" + opened.getIdElement().getIdPart());
		assertThat(outcome.getBasedOnFirstRep().getReference()).isEqualTo("CommunicationRequest/" + request.getIdElement().getIdPart());
		assertThat(outcome.getSent()).isEqualTo(appointment.getStart());
		assertThat(client.read().resource(CommunicationRequest.class).withId(request.getIdElement().getIdPart()).execute().getStatus())
				.isEqualTo(CommunicationRequest.CommunicationRequestStatus.COMPLETED);
		assertThat(client.read().resource(Appointment.class).withId(appointment.getIdElement().getIdPart()).execute().getStatus())
				.isEqualTo(Appointment.AppointmentStatus.FULFILLED);
		assertNoErrors(validate("Communication", OutcomeCommunication.PROFILE, fhirContext.newJsonParser().encodeResourceToString(outcome)));
	}

	@Test
	void overturned_leavesTheCaseAwaitingTheWrittenDecision_withItsDeadline() throws Exception {
		SeedPlan plan = plan();
		Task opened = openCase(plan);
		requestPeerToPeer(opened, plan);

		record(opened, "overturned", "Reviewer agreed to approve; written decision to follow.");

		Task moved = readCase(opened);
		assertThat(moved.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("awaiting-written-decision");
		assertThat(pathway(moved)).isEqualTo("peer-to-peer");
		assertThat(moved.getRestriction().getPeriod().getEndElement().getValueAsString())
				.isEqualTo(opened.getRestriction().getPeriod().getEndElement().getValueAsString());
		assertThat(moved.getNote()).anySatisfy(note -> assertThat(note.getText()).contains("written decision"));
	}

	@Test
	void anOutcomeTwice_isRefused_andChangesNothing() throws Exception {
		SeedPlan plan = plan();
		Task opened = openCase(plan);
		requestPeerToPeer(opened, plan);
		record(opened, "missed", null);
		Task after = readCase(opened);

		HttpResponse<String> again = recordRaw(opened.getIdElement().getIdPart(), "upheld");

		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(refusedElement(again)).isEqualTo("request");
		assertThat(readCase(opened).getMeta().getVersionId()).isEqualTo(after.getMeta().getVersionId());
	}

	@Test
	void anOutcomeNotInTheValueSet_is400NamingOutcome_andChangesNothing() throws Exception {
		SeedPlan plan = plan();
		Task opened = openCase(plan);
		CommunicationRequest request = requestPeerToPeer(opened, plan);

		HttpResponse<String> refused = recordRaw(opened.getIdElement().getIdPart(), "won");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refusedElement(refused)).isEqualTo("outcome");
		assertThat(refused.body()).contains("overturned").doesNotContain("Exception");
		assertThat(readCase(opened).getMeta().getVersionId()).isEqualTo(opened.getMeta().getVersionId());
		assertThat(client.read().resource(CommunicationRequest.class).withId(request.getIdElement().getIdPart()).execute().getStatus())
				.isEqualTo(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
	}

	@Test
	void anUnknownCase_is404() throws Exception {
		HttpResponse<String> refused = recordRaw("no-such-case-" + UUID.randomUUID(), "upheld");

		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("OperationOutcome");
	}

	@Test
	void aRequestWithoutItsCase_isRefusedByItsProfile() throws Exception {
		SeedPlan plan = plan();
		Task opened = openCase(plan);
		CommunicationRequest request = peerToPeerRequest(opened, plan);
		request.getBasedOn().clear();

		HttpResponse<String> refused = send(fhirRequest("/CommunicationRequest").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(request))));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("CommunicationRequest.basedOn");
	}

	@Test
	void theAppealLetter_quotesTheRecordedPeerToPeer_fromTheRecordOnly() throws Exception {
		SeedPlan plan = plan();
		Task opened = openCase(plan);
		CommunicationRequest request = requestPeerToPeer(opened, plan);
		schedule(opened, plan, request);
		Communication outcome = record(opened, "upheld", "Dr Lee (plan reviewer) kept the denial: no documented trial of a DMARD. Ref P2P-77.");

		HttpResponse<String> drafted = draftLetter(opened, "internal-appeal");

		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
		DocumentReference letter = fhirContext.newJsonParser().parseResource(DocumentReference.class, drafted.body());
		// the date as the outcome records it (the appointment's start), at its recorded offset
		String held = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' HH:mm xxx", Locale.US)
				.format(OffsetDateTime.parse(outcome.getSentElement().getValueAsString()));
		assertThat(LetterTexts.html(letter)).contains("<h2>Peer-to-peer review</h2>", "Date: " + held,
				"Taking part (as recorded): Marco Reyes, Cigna", "Outcome: The plan&#39;s reviewer upheld the denial.",
				"Dr Lee (plan reviewer) kept the denial: no documented trial of a DMARD. Ref P2P-77.");
		assertThat(LetterTexts.pdfText(letter)).contains("Peer-to-peer review", "Date: " + held, "Taking part (as recorded): Marco Reyes, Cigna",
				"Outcome: The plan's reviewer upheld the denial.", "Notes (as recorded):",
				"Dr Lee (plan reviewer) kept the denial: no documented trial of a DMARD. Ref P2P-77.");
	}

	@Test
	void withoutARecordedOutcome_theLetterSaysNothingOfAPeerToPeer() throws Exception {
		SeedPlan plan = plan();
		Task opened = openCase(plan);
		requestPeerToPeer(opened, plan);

		HttpResponse<String> drafted = draftLetter(opened, "internal-appeal");

		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
		DocumentReference letter = fhirContext.newJsonParser().parseResource(DocumentReference.class, drafted.body());
		assertThat(LetterTexts.pdfText(letter)).contains("Letter of medical necessity").doesNotContain("Peer-to-peer review", "Taking part");
	}

	// --- steps

	private HttpResponse<String> draftLetter(Task caseTask, String pathway) throws Exception {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"pathway\",\"valueCode\":\"" + pathway + "\"}]}";
		return send(fhirRequest("/Task/" + caseTask.getIdElement().getIdPart() + "/$draft-letter").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static SeedPlan plan() {
		return new SeedPlan("p2p-" + UUID.randomUUID().toString().substring(0, 8), "/fixtures/ehr/Bundle-synthea-alejandro-riojas.json", "cigna",
				"Cigna", "erisa-insured", new CodeableConcept(new Coding(SeedPlan.HCPCS, "J0135", "Injection, adalimumab, 20 mg")),
				new Coding(SeedPlan.ICD10, "M06.9", "Rheumatoid arthritis, unspecified"), "50",
				"Not medically necessary: the records do not show a trial of a conventional DMARD.", true);
	}

	private Task openCase(SeedPlan plan) {
		client.transaction().withBundle(plan.transaction(fhirContext, "Reyes", "Marco", "Rheumatologist")).execute();
		return client.operation().onInstance("ClaimResponse/" + plan.denialId()).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
	}

	private static CommunicationRequest peerToPeerRequest(Task caseTask, SeedPlan plan) {
		CommunicationRequest request = new CommunicationRequest();
		request.getMeta().addProfile("http://recourse.dev/fhir/StructureDefinition/recourse-peer-to-peer-request");
		request.setStatus(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
		request.addCategory(new CodeableConcept(new Coding(PATHWAY, "peer-to-peer", "Peer-to-peer")));
		request.addBasedOn(new Reference("Task/" + caseTask.getIdElement().getIdPart()));
		request.setSubject(new Reference("Patient/" + plan.patientId()));
		request.addAbout(new Reference("ClaimResponse/" + plan.denialId()));
		request.setAuthoredOn(new Date());
		request.setRequester(new Reference("Practitioner/" + plan.prescriberId()));
		request.addRecipient(new Reference("Organization/" + plan.key() + "-payer"));
		request.addPayload().setContent(new org.hl7.fhir.r4.model.StringType("Peer-to-peer with the medical director, please; prescriber available mornings."));
		return request;
	}

	private CommunicationRequest requestPeerToPeer(Task caseTask, SeedPlan plan) {
		String id = client.create().resource(peerToPeerRequest(caseTask, plan)).execute().getId().getIdPart();
		return client.read().resource(CommunicationRequest.class).withId(id).execute();
	}

	private Appointment schedule(Task caseTask, SeedPlan plan, CommunicationRequest request) {
		Appointment appointment = new Appointment();
		appointment.getMeta().addProfile("http://recourse.dev/fhir/StructureDefinition/recourse-peer-to-peer-appointment");
		appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
		appointment.addServiceCategory(new CodeableConcept(new Coding(PATHWAY, "peer-to-peer", "Peer-to-peer")));
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		appointment.setStart(Date.from(start)).setEnd(Date.from(start.plus(15, ChronoUnit.MINUTES)));
		appointment.addSupportingInformation(new Reference("CommunicationRequest/" + request.getIdElement().getIdPart()));
		appointment.addSupportingInformation(new Reference("Task/" + caseTask.getIdElement().getIdPart()));
		appointment.addParticipant().setActor(new Reference("Practitioner/" + plan.prescriberId()))
				.setStatus(Appointment.ParticipationStatus.ACCEPTED).setRequired(Appointment.ParticipantRequired.REQUIRED);
		appointment.addParticipant().setActor(new Reference().setDisplay("Dr Lee, medical director, Cigna"))
				.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		appointment.addParticipant().setActor(new Reference("Patient/" + plan.patientId()))
				.setStatus(Appointment.ParticipationStatus.ACCEPTED).setRequired(Appointment.ParticipantRequired.INFORMATIONONLY);
		String id = client.create().resource(appointment).execute().getId().getIdPart();
		return client.read().resource(Appointment.class).withId(id).execute();
	}

	private Communication record(Task caseTask, String outcome, String note) {
		Parameters in = new Parameters();
		in.addParameter().setName("outcome").setValue(new org.hl7.fhir.r4.model.CodeType(outcome));
		if (note != null) {
			in.addParameter().setName("note").setValue(new org.hl7.fhir.r4.model.StringType(note));
		}
		return client.operation().onInstance("Task/" + caseTask.getIdElement().getIdPart()).named("$record-peer-to-peer").withParameters(in)
				.returnResourceType(Communication.class).execute();
	}

	private HttpResponse<String> recordRaw(String caseId, String outcome) throws Exception {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"outcome\",\"valueCode\":\"" + outcome + "\"}]}";
		return send(fhirRequest("/Task/" + caseId + "/$record-peer-to-peer").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Task readCase(Task caseTask) {
		return client.read().resource(Task.class).withId(caseTask.getIdElement().getIdPart()).execute();
	}

	private static String pathway(Task caseTask) {
		Extension extension = caseTask.getExtensionByUrl(PATHWAY_EXTENSION);
		return extension == null ? null : ((CodeableConcept) extension.getValue()).getCodingFirstRep().getCode();
	}

	private static String outcomeCode(Communication communication) {
		return ((Coding) communication.getExtensionByUrl(OutcomeCommunication.OUTCOME_EXTENSION).getValue()).getCode();
	}


	private OperationOutcome validate(String type, String profile, String body) throws Exception {
		HttpResponse<String> response = send(fhirRequest("/" + type + "/$validate?profile=" + profile).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}

	private void assertNoErrors(OperationOutcome outcome) {
		assertThat(outcome.getIssue()).as(fhirContext.newJsonParser().encodeResourceToString(outcome))
				.noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
						|| issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
	}
}
