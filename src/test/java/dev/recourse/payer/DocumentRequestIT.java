package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UrlType;
import org.junit.jupiter.api.Test;

/**
 * The payer asks for documents on a received PAS request ({@code Claim/[id]/$request-documents}) and the provider sends
 * them (CDex {@code $submit-attachment}), over HTTP: the answer to an inquiry and to the same submission again carries
 * the PAS Task and CommunicationRequests and still validates as PAS; the documents are stored against our copy of the
 * Claim and complete the Task, once however often they are sent; a wrong member, an unknown tracking number and a
 * document without its code are refused, naming the parameter.
 */
class DocumentRequestIT extends PasCalls {
	private static final String IMAGING = "18748-4";
	private static final String MEMBER = "http://example.org/MIN|12345678901";
	private static final String PROVIDER_NPI = "8189991234";

	@Test
	void requestDocuments_answerAndInquiryCarryTheTaskAndCommunicationRequest_andValidate() throws Exception {
		Received received = receive();

		HttpResponse<String> asked = requestDocuments(received.claimId(), IMAGING);

		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
		Task task = fhirContext.newJsonParser().parseResource(Task.class, asked.body());
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(task.getIdentifierFirstRep().getValue()).isEqualTo(received.tracking());
		assertThat(task.getOwner().getIdentifier().getValue()).isEqualTo(PROVIDER_NPI);
		assertThat(((UrlType) task.getInput().get(0).getValue()).getValue()).isEqualTo(fhirBase());
		assertThat(((CodeableConcept) task.getInput().get(1).getValue()).getCodingFirstRep().getCode()).isEqualTo(IMAGING);

		Bundle again = answer(submit(received.token(), received.request()));
		assertThat(errors(again, Pas.RESPONSE_BUNDLE)).isEmpty();
		ClaimResponse response = PasFixtures.claimResponse(again);
		assertThat(PasFixtures.reviewActions(response)).containsOnly("A4");
		assertThat(response.getCommunicationRequest()).singleElement().satisfies(reference ->
				assertThat(entry(again, reference.getReference())).isInstanceOf(CommunicationRequest.class));
		assertThat(resources(again, Task.class)).singleElement().satisfies(wire -> {
			assertThat(wire.getMeta().hasProfile(Pas.TASK)).isTrue();
			assertThat(wire.getBasedOnFirstRep().getReference()).endsWith(response.getCommunicationRequestFirstRep().getReference());
		});

		Bundle inquiry = pasExample(INQUIRY);
		((Claim) inquiry.getEntryFirstRep().getResource()).getIdentifierFirstRep().setSystem("http://example.org/PAYER_REFERENCE").setValue(received.tracking());
		Bundle inquired = (Bundle) parameters(inquire(pasClient(), inquiry)).getParameterFirstRep().getResource();
		assertThat(errors(inquired, Pas.INQUIRY_RESPONSE_BUNDLE)).isEmpty();
		assertThat(resources(inquired, CommunicationRequest.class)).hasSize(1);
		assertThat(resources(inquired, Task.class)).hasSize(1);
	}

	@Test
	void submitAttachment_storesTheDocumentOnce_completesTheTask() throws Exception {
		Received received = receive();
		requestDocuments(received.claimId(), IMAGING);
		Parameters documents = attachment(received.tracking(), MEMBER, IMAGING);

		HttpResponse<String> first = post("/$submit-attachment", provider(), documents);
		HttpResponse<String> second = post("/$submit-attachment", provider(), documents);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(first.body()).contains("nothing more is asked for");
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(second.body()).contains("0 document(s) received", "1 received before");
		Bundle stored = client.search().forResource(DocumentReference.class)
				.where(DocumentReference.RELATED.hasId("Claim/" + received.claimId())).returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).singleElement().satisfies(entry -> assertThat(((DocumentReference) entry.getResource())
				.getType().getCoding()).anyMatch(coding -> IMAGING.equals(coding.getCode())));
		Bundle answer = answer(submit(received.token(), received.request()));
		assertThat(resources(answer, Task.class)).singleElement().satisfies(task -> {
			assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
			assertThat(task.getOutput()).hasSize(1);
		});
		assertThat(resources(answer, CommunicationRequest.class)).hasSize(1);
		assertThat(errors(answer, Pas.RESPONSE_BUNDLE)).isEmpty();
	}

	@Test
	void oneOfTwoCodes_leavesTheTaskInProgress() throws Exception {
		Received received = receive();
		requestDocuments(received.claimId(), IMAGING, "11506-3");

		HttpResponse<String> sent = post("/$submit-attachment", provider(), attachment(received.tracking(), MEMBER, IMAGING));

		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(sent.body()).contains("still asked for: LOINC 11506-3");
		Bundle answer = answer(submit(received.token(), received.request()));
		assertThat(resources(answer, Task.class)).singleElement().satisfies(task -> assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS));
	}

	@Test
	void wrongMember_unknownTrackingNumber_missingCode_areRefused_namingTheParameter() throws Exception {
		Received received = receive();
		requestDocuments(received.claimId(), IMAGING);
		Parameters noCode = attachment(received.tracking(), MEMBER, null);

		HttpResponse<String> wrongMember = post("/$submit-attachment", provider(), attachment(received.tracking(), "http://example.org/MIN|999", IMAGING));
		HttpResponse<String> unknown = post("/$submit-attachment", provider(), attachment("PA-NEVER-ISSUED", MEMBER, IMAGING));
		HttpResponse<String> missingCode = post("/$submit-attachment", provider(), noCode);

		assertThat(wrongMember.statusCode()).as(wrongMember.body()).isEqualTo(422);
		assertThat(expressions(wrongMember)).contains("MemberId");
		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
		assertThat(expressions(unknown)).contains("TrackingId");
		assertThat(missingCode.statusCode()).as(missingCode.body()).isEqualTo(400);
		assertThat(expressions(missingCode)).contains("Attachment[0].Code");
	}

	@Test
	void requestDocuments_notLoinc_is400_aDecidedRequest_is409_andOnlyThePayerAsks() throws Exception {
		Received received = receive();
		Parameters notLoinc = new Parameters().addParameter("code", new Coding("http://example.org/codes", "x", null));

		HttpResponse<String> refused = post("/Claim/" + received.claimId() + "/$request-documents", payer(), notLoinc);
		HttpResponse<String> byTheEhr = post("/Claim/" + received.claimId() + "/$request-documents", tokens.system("system/*.cruds"), asking(IMAGING));
		Parameters decision = new Parameters().addParameter("decision", new CodeType("A1"));
		assertThat(post("/Claim/" + received.claimId() + "/$decide", payer(), decision).statusCode()).isEqualTo(200);
		HttpResponse<String> decided = requestDocuments(received.claimId(), IMAGING);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(expressions(refused)).contains("code");
		assertThat(byTheEhr.statusCode()).as(byTheEhr.body()).isEqualTo(403);
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(409);
	}

	// ---

	record Received(String token, Bundle request, String claimId, String tracking) {
	}

	private Received receive() throws Exception {
		String client = "pas-client-" + UUID.randomUUID();
		String token = tokens.jwt(claims -> claims.putAll(Map.of("client_id", client, "sub", client,
				"scope", "system/Claim.c system/ClaimResponse.s")));
		Bundle request = pasExample(REFERRAL);
		String tracking = PasFixtures.claimResponse(answer(submit(token, request))).getPreAuthRef();
		String claimId = Submission.of(client, request.getIdentifier()).copyId(request.getEntryFirstRep().getFullUrl());
		return new Received(token, request, claimId, tracking);
	}

	private HttpResponse<String> requestDocuments(String claimId, String... codes) throws Exception {
		return post("/Claim/" + claimId + "/$request-documents", payer(), asking(codes));
	}

	private static Parameters asking(String... codes) {
		Parameters in = new Parameters();
		for (String code : codes) {
			in.addParameter("code", new Coding(Pas.LOINC, code, null));
		}
		in.addParameter("note", new StringType("Please send the MRI report."));
		in.addParameter("due", new DateType("2030-01-31"));
		return in;
	}

	private String payer() {
		return tokens.payer("system/ClaimResponse.u", "system/Task.c");
	}

	private String provider() {
		return tokens.system("system/DocumentReference.c");
	}

	/** CDex $submit-attachment Parameters with one PDF; no code: neither the part Code nor a LOINC type. */
	static Parameters attachment(String tracking, String member, String code) {
		String[] memberId = member.split("\\|");
		Parameters in = new Parameters();
		in.addParameter().setName("TrackingId").setValue(new Identifier().setSystem(Pas.TRACKING_NUMBER_SYSTEM).setValue(tracking));
		in.addParameter().setName("AttachTo").setValue(new CodeType("preauthorization"));
		in.addParameter().setName("ProviderId").setValue(new Identifier().setSystem(Pas.NPI).setValue(PROVIDER_NPI));
		in.addParameter().setName("MemberId").setValue(new Identifier().setSystem(memberId[0]).setValue(memberId[1]));
		DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		document.getSubject().setReference("Patient/at-the-provider");
		document.addContent().setAttachment(new Attachment().setContentType("application/pdf")
				.setData("%PDF-1.4\n% MRI brain report\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).setTitle("MRI brain"));
		Parameters.ParametersParameterComponent attachment = in.addParameter().setName("Attachment");
		attachment.addPart().setName("LineItem").setValue(new StringType("1"));
		if (code != null) {
			attachment.addPart().setName("Code").setValue(new CodeableConcept(new Coding(Pas.LOINC, code, null)));
		}
		attachment.addPart().setName("Content").setResource(document);
		return in;
	}

	/** The entry a reference names: the server writes it relative to its base, which the entries' fullUrls share. */
	private static Resource entry(Bundle bundle, String reference) {
		return bundle.getEntry().stream().filter(entry -> entry.getFullUrl().endsWith("/" + reference) || entry.getFullUrl().equals(reference))
				.map(Bundle.BundleEntryComponent::getResource).findFirst().orElse(null);
	}

	private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
	}
}
