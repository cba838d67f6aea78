package dev.recourse.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.packet.PacketCaseSteps;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider side, over HTTP against the fake payer: a pended answer asking for documents puts the case at
 * more-information-requested with the payer's request linked; {@code Task/[id]/$send-documents} sends them with CDex
 * {@code $submit-attachment} (tracking number, member, provider, code and document) and records the Communication,
 * the case back under review; a payer that cannot be reached is a 502 with nothing recorded as sent.
 */
class SendDocumentsIT extends PacketCaseSteps {
	private static final String POLICY = "http://recourse.dev/fhir/Questionnaire/cigna-adalimumab-ra|2026.11-transcribed";
	private static final String IMAGING = "18748-4";

	@BeforeEach
	void requestOnFile() throws Exception {
		storeReferralExample(resource -> true);
		PAYER.reset();
	}

	@AfterEach
	void payerAsksNothing() {
		PAYER.reset();
	}

	@Test
	void answerAskingForDocuments_caseMoreInformationRequested_thenSent_caseUnderReview() throws Exception {
		Task caseTask = submittedAskingFor(IMAGING);

		Task after = reread(caseTask);
		assertThat(after.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("more-information-requested");
		Task request = client.read().resource(Task.class).withId(output(after, "document-request")).execute();
		assertThat(request.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(request.getPartOfFirstRep().getReference()).isEqualTo("Task/" + caseTask.getIdElement().getIdPart());
		assertThat(PasDocumentRequests.needed(request)).extracting(needed -> needed.code().getCode()).containsExactly(IMAGING);

		int before = PAYER.attachments().size();
		HttpResponse<String> sent = sendDocuments(caseTask, document(caseTask, IMAGING));

		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(PAYER.attachments()).hasSize(before + 1);
		Parameters received = PAYER.attachments().get(before);
		assertThat(((Identifier) received.getParameter("TrackingId").getValue()).getValue()).isEqualTo(request.getIdentifierFirstRep().getValue());
		assertThat(((Identifier) received.getParameter("MemberId").getValue()).getValue()).isEqualTo("12345678901");
		assertThat(((Identifier) received.getParameter("ProviderId").getValue()).getValue()).isEqualTo("8189991234");
		Parameters.ParametersParameterComponent attachment = received.getParameter("Attachment");
		assertThat(((CodeableConcept) part(attachment, "Code").getValue()).getCodingFirstRep().getCode()).isEqualTo(IMAGING);
		assertThat(part(attachment, "LineItem").getValue().primitiveValue()).isEqualTo("1");
		assertThat(part(attachment, "Content").getResource()).isInstanceOf(DocumentReference.class);
		Communication communication = fhirContext.newJsonParser().parseResource(Communication.class, sent.body());
		assertThat(communication.getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED);
		assertThat(communication.getBasedOnFirstRep().getReference()).isEqualTo("Task/" + request.getIdElement().getIdPart());
		assertThat(communication.getPayload()).hasSize(1);
		Task answered = reread(caseTask);
		assertThat(answered.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("under-review");
		assertThat(output(answered, "document-submission")).isEqualTo("Communication/" + communication.getIdElement().getIdPart());
		assertThat(client.read().resource(Task.class).withId(request.getIdElement().toUnqualifiedVersionless()).execute().getStatus())
				.isEqualTo(Task.TaskStatus.COMPLETED);
	}

	@Test
	void payerDown_is502_nothingRecordedAsSent() throws Exception {
		Task caseTask = submittedAskingFor(IMAGING);
		String document = document(caseTask, IMAGING);
		int before = PAYER.attachments().size();

		PAYER.down();
		HttpResponse<String> sent;
		try {
			sent = sendDocuments(caseTask, document);
		} finally {
			PAYER.up();
		}

		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(502);
		assertThat(PAYER.attachments()).hasSize(before);
		Task after = reread(caseTask);
		assertThat(after.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("more-information-requested");
		assertThat(output(after, "document-submission")).isNull();
		assertThat(client.search().forResource(Communication.class).where(Communication.PART_OF.hasId("Task/" + caseTask.getIdElement().getIdPart()))
				.returnBundle(Bundle.class).execute().getEntry()).isEmpty();
	}

	@Test
	void aDocumentOfACodeNotAskedFor_is422_andOneWithoutCode_is400() throws Exception {
		Task caseTask = submittedAskingFor(IMAGING);

		HttpResponse<String> notAsked = sendDocuments(caseTask, document(caseTask, "11506-3"));
		HttpResponse<String> noCode = sendDocuments(caseTask, document(caseTask, null));

		assertThat(notAsked.statusCode()).as(notAsked.body()).isEqualTo(422);
		assertThat(expressions(notAsked)).contains("code");
		assertThat(noCode.statusCode()).as(noCode.body()).isEqualTo(400);
		assertThat(expressions(noCode)).contains("code");
	}

	// --- steps

	private Task submittedAskingFor(String code) throws Exception {
		Task caseTask = openCase(read(ClaimResponse.class, DENIAL));
		answerOpenCriteria(map(caseTask, POLICY));
		caseTask = withLetter(reread(caseTask), true);
		assemble(caseTask);
		PAYER.askForDocuments(code);
		HttpResponse<String> submitted = send(fhirRequest("/Task/" + caseTask.getIdElement().getIdPart() + "/$submit").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		return caseTask;
	}

	/** A PDF on our server about the case's patient, typed by the LOINC code (none: untyped). */
	private String document(Task caseTask, String code) {
		DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		if (code != null) {
			document.getType().addCoding(new Coding("http://loinc.org", code, null));
		}
		document.setSubject(new Reference(caseTask.getFor().getReference()));
		document.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle("MRI brain report")
				.setData("%PDF-1.4\n% MRI brain report\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
		return "DocumentReference/" + client.create().resource(document).execute().getId().getIdPart();
	}

	private HttpResponse<String> sendDocuments(Task caseTask, String document) throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("document").setValue(new Reference(document));
		return send(fhirRequest("/Task/" + caseTask.getIdElement().getIdPart() + "/$send-documents").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));
	}

	private java.util.List<String> expressions(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(org.hl7.fhir.r4.model.OperationOutcome.class, response.body()).getIssue().stream()
				.flatMap(issue -> issue.getExpression().stream()).map(expression -> expression.getValue()).toList();
	}

	private static Parameters.ParametersParameterComponent part(Parameters.ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(part -> name.equals(part.getName())).findFirst().orElseThrow();
	}
}
