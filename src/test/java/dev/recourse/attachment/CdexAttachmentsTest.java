package dev.recourse.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UrlType;
import org.junit.jupiter.api.Test;

/** Reading a payer's request for documents out of its answer, and the CDex Parameters that answer it. */
class CdexAttachmentsTest {

	@Test
	void openPasTask_isRead_withItsCodesLinesAndPayerUrl() {
		Bundle answer = answerWith(request(Task.TaskStatus.REQUESTED, "18748-4", "11506-3"));

		List<PasDocumentRequests.Received> open = PasDocumentRequests.open(answer);

		assertThat(open).singleElement().satisfies(received -> {
			assertThat(received.source()).isEqualTo("http://payer.test/fhir/Task/t1");
			assertThat(PasDocumentRequests.needed(received.task())).extracting(needed -> needed.code().getCode() + "@" + needed.line())
					.containsExactly("18748-4@1", "11506-3@1");
			assertThat(PasDocumentRequests.payerUrl(received.task())).contains("http://payer.test/fhir");
		});
	}

	@Test
	void completedTask_isNotOpen_andCommunicationRequestsAlone_areReadAsARequestWithoutPayerUrl() {
		assertThat(PasDocumentRequests.open(answerWith(request(Task.TaskStatus.COMPLETED, "18748-4")))).isEmpty();

		Bundle onlyAsked = answerWith(null);
		CommunicationRequest asked = new CommunicationRequest().setStatus(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
		asked.addPayload().setContent(new StringType("18748-4"));
		onlyAsked.addEntry().setFullUrl("urn:uuid:cr-1").setResource(asked);
		((ClaimResponse) onlyAsked.getEntryFirstRep().getResource()).addCommunicationRequest(new Reference("urn:uuid:cr-1"));

		assertThat(PasDocumentRequests.open(onlyAsked)).singleElement().satisfies(received -> {
			assertThat(PasDocumentRequests.needed(received.task())).extracting(needed -> needed.code().getCode()).containsExactly("18748-4");
			assertThat(PasDocumentRequests.payerUrl(received.task())).isEmpty();
		});
	}

	@Test
	void parameters_nameTheTrackingNumberMemberProviderAndCodes_finalFalseWhileCodesRemain() {
		Task request = request(Task.TaskStatus.REQUESTED, "18748-4", "11506-3");
		DocumentReference document = new DocumentReference();
		document.setId("mri");

		Parameters sent = CdexAttachments.of(request, new Identifier().setSystem("http://example.org/MIN").setValue("12345678901"),
				List.of(new CdexAttachments.Document(document, new Coding(PasDocumentRequests.LOINC, "18748-4", null))));

		assertThat(((Identifier) sent.getParameter("TrackingId").getValue()).getValue()).isEqualTo("PA-1");
		assertThat(sent.getParameter("AttachTo").getValue().primitiveValue()).isEqualTo("preauthorization");
		assertThat(((Identifier) sent.getParameter("ProviderId").getValue()).getValue()).isEqualTo("8189991234");
		assertThat(((Identifier) sent.getParameter("PayerId").getValue()).getValue()).isEqualTo("1234567893");
		Parameters.ParametersParameterComponent attachment = sent.getParameter("Attachment");
		assertThat(attachment.getPart()).extracting(Parameters.ParametersParameterComponent::getName).containsExactly("LineItem", "Code", "Content");
		assertThat(sent.getParameter("Final").getValue().primitiveValue()).isEqualTo("false");
	}

	@Test
	void sentDocuments_completeTheRequest_whenEveryCodeIsAnswered() {
		Task request = request(Task.TaskStatus.REQUESTED, "18748-4");
		DocumentReference document = new DocumentReference();
		document.setId("mri");

		Task answered = SentDocuments.answered(request, List.of(new CdexAttachments.Document(document, new Coding(PasDocumentRequests.LOINC, "18748-4", null))));

		assertThat(answered.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(((Reference) answered.getOutputFirstRep().getValue()).getReference()).isEqualTo("DocumentReference/mri");
	}

	private static Task request(Task.TaskStatus status, String... codes) {
		Task task = new Task().setStatus(status).setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding(new Coding(PasDocumentRequests.TEMP_CODES, PasDocumentRequests.ATTACHMENT_REQUEST, null));
		task.addIdentifier().setSystem("http://payer.test/tracking").setValue("PA-1");
		task.getRequester().getIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567893");
		task.getOwner().getIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("8189991234");
		task.addInput().setValue(new UrlType("http://payer.test/fhir")).getType().addCoding(new Coding(PasDocumentRequests.TEMP_CODES, "payer-url", null));
		for (String code : codes) {
			Task.ParameterComponent needed = task.addInput().setValue(new CodeableConcept(new Coding(PasDocumentRequests.LOINC, code, null)));
			needed.getType().addCoding(new Coding(PasDocumentRequests.TEMP_CODES, "attachments-needed", null));
			needed.addExtension(PasDocumentRequests.SERVICE_LINE_NUMBER, new PositiveIntType(1));
		}
		return task;
	}

	private static Bundle answerWith(Task task) {
		Bundle answer = new Bundle().setType(Bundle.BundleType.COLLECTION);
		answer.addEntry().setFullUrl("http://payer.test/fhir/ClaimResponse/r1").setResource(new ClaimResponse().setRequest(new Reference("Claim/c1")));
		if (task != null) {
			answer.addEntry().setFullUrl("http://payer.test/fhir/Task/t1").setResource(task);
		}
		return answer;
	}
}
