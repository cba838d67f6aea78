package dev.recourse.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.server.LocalRepositories;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.StoredDenials;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Specialists attach documents over the FHIR API: a real PDF and PNG are stored; a PDF labelled PNG, an attachment
 * over the limit, a body over the request limit and a wrong hash are refused with the status and the element; and
 * the evidence documents made from a {@code $map-criteria} map are stored once and conform to RecourseEvidence.
 */
class EvidenceAttachIT extends FhirIntegrationTest {
	private static final String POLICY = "http://recourse.dev/fhir/Questionnaire/it-ra-step|1";

	@Autowired
	EvidenceDocuments evidenceDocuments;

	@Autowired
	LocalRepositories repositories;

	private String patientId;

	@BeforeEach
	void patient() {
		Patient patient = new Patient();
		patient.setBirthDateElement(new DateType("1970-04-02"));
		patientId = client.create().resource(patient).execute().getId().getIdPart();
	}

	@Test
	void realPdfAsEvidence_andPngAsPlainDocument_areStored() throws Exception {
		byte[] pdf = fixture("note.pdf");
		DocumentReference evidence = document("application/pdf", pdf);
		evidence.getMeta().addProfile(EvidenceDocuments.PROFILE);
		evidence.addCategory(new CodeableConcept(new Coding(EvidenceDocuments.ARTIFACT_TYPES, "evidence", null)));
		evidence.addCategory(new CodeableConcept(new Coding(EvidenceType.SYSTEM, "chart-note", "Chart note")));
		evidence.getContentFirstRep().getAttachment().setSize(pdf.length).setHash(AttachmentRules.sha1(pdf));

		HttpResponse<String> pdfAnswer = post("DocumentReference", json(evidence));
		HttpResponse<String> pngAnswer = post("DocumentReference", json(document("image/png", fixture("pixel.png"))));

		assertThat(pdfAnswer.statusCode()).as(pdfAnswer.body()).isEqualTo(201);
		assertThat(pngAnswer.statusCode()).as(pngAnswer.body()).isEqualTo(201);
	}

	@Test
	void pdfLabelledPng_is422AtTheData() throws Exception {
		HttpResponse<String> answer = post("DocumentReference", json(document("image/png", fixture("note.pdf"))));

		assertRefused(answer, 422, "DocumentReference.content[0].attachment.data");
		assertThat(answer.body()).contains("a PDF");
	}

	@Test
	void contentTypeNotAllowed_is422AtTheContentType() throws Exception {
		assertRefused(post("DocumentReference", json(document("application/zip", fixture("note.pdf")))), 422,
				"DocumentReference.content[0].attachment.contentType");
	}

	@Test
	void attachmentOverTheLimit_is413AtTheData_andNothingIsStored() throws Exception {
		byte[] big = Arrays.copyOf(fixture("note.pdf"), 100_000);

		assertRefused(post("DocumentReference", json(document("application/pdf", big))), 413,
				"DocumentReference.content[0].attachment.data");
		assertThat(client.search().forResource(DocumentReference.class).where(DocumentReference.SUBJECT.hasId("Patient/" + patientId))
				.returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry()).isEmpty();
	}

	@Test
	void bodyOverTheRequestLimit_is413_notA500() throws Exception {
		byte[] huge = Arrays.copyOf(fixture("note.pdf"), 300_000);

		HttpResponse<String> answer = post("DocumentReference", json(document("application/pdf", huge)));

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(outcome(answer).getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("too-large");
	}

	@Test
	void wrongHash_is422AtTheHash() throws Exception {
		DocumentReference document = document("application/pdf", fixture("note.pdf"));
		document.getContentFirstRep().getAttachment().setHash(AttachmentRules.sha1(fixture("pixel.png")));

		assertRefused(post("DocumentReference", json(document)), 422, "DocumentReference.content[0].attachment.hash");
	}

	@Test
	void wrongSizeInATransactionEntry_is422AtTheSize() throws Exception {
		DocumentReference document = document("image/png", fixture("pixel.png"));
		document.getContentFirstRep().getAttachment().setSize(1);
		org.hl7.fhir.r4.model.Bundle transaction = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(document).getRequest().setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("DocumentReference");

		assertRefused(post("", json(transaction)), 422, "DocumentReference.content[0].attachment.size");
	}

	@Test
	void rawBinary_isCheckedToo() throws Exception {
		HttpResponse<String> png = send(fhirRequest("/Binary").header("Content-Type", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(fixture("pixel.png"))));
		HttpResponse<String> pdfAsPng = send(fhirRequest("/Binary").header("Content-Type", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(fixture("note.pdf"))));

		assertThat(png.statusCode()).as(png.body()).isEqualTo(201);
		assertRefused(pdfAsPng, 422, "Binary.data");
	}

	@Test
	void evidenceFromACriteriaMap_isStoredOnce_andConformsToRecourseEvidence() throws Exception {
		QuestionnaireResponse map = criteriaMap();
		Task caseTask = client.read().resource(Task.class).withId(caseId).execute();

		List<DocumentReference> stored = evidenceDocuments.store(map, caseTask, repositories.forServer());
		List<DocumentReference> again = evidenceDocuments.store(map, caseTask, repositories.forServer());

		Map<String, DocumentReference> bySource = stored.stream().collect(Collectors.toMap(
				document -> document.getContext().getRelatedFirstRep().getReference(), Function.identity()));
		assertThat(bySource).containsOnlyKeys("Patient/" + patientId, condition, episode);
		assertThat(type(bySource.get(condition))).isEqualTo("chart-note");
		assertThat(type(bySource.get(episode))).isEqualTo("medication-history");
		assertThat(bySource.get(episode).getDescription()).isEqualTo("methotrexate: stopped, 2024-01-10 to 2024-06-30");
		assertThat(again).extracting(document -> document.getIdElement().toUnqualified().getValue())
				.containsExactlyElementsOf(stored.stream().map(document -> document.getIdElement().toUnqualified().getValue()).toList());
		assertThat(again).allSatisfy(document -> assertThat(document.getMeta().getVersionId()).isEqualTo("1"));
		for (DocumentReference document : stored) {
			assertThat(document.getSubject().getReference()).isEqualTo("Patient/" + patientId);
			HttpResponse<String> validation = send(fhirRequest("/DocumentReference/$validate?profile=" + EvidenceDocuments.PROFILE)
					.header("Content-Type", FHIR_JSON)
					.POST(HttpRequest.BodyPublishers.ofString(json(document))));
			assertThat(outcome(validation).getIssue())
					.as(validation.body())
					.noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
							|| issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
		}
	}

	// --- a criteria map as MapCriteriaIT makes one

	private String caseId;
	private String condition;
	private String episode;

	private QuestionnaireResponse criteriaMap() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/criteria/Questionnaire-it-ra-step.json")) {
			client.create().resource(fhirContext.newJsonParser().parseResource(Questionnaire.class, in))
					.conditionalByUrl("Questionnaire?url=http://recourse.dev/fhir/Questionnaire/it-ra-step&version=1").execute();
		}
		Condition ra = new Condition();
		ra.setSubject(new Reference("Patient/" + patientId));
		ra.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode("M06.9").setDisplay("Rheumatoid arthritis, unspecified");
		condition = "Condition/" + client.create().resource(ra).execute().getId().getIdPart();
		MedicationStatement statement = new MedicationStatement();
		statement.setSubject(new Reference("Patient/" + patientId));
		statement.setStatus(MedicationStatement.MedicationStatementStatus.STOPPED);
		statement.setCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "prior-therapy-episode", null)));
		statement.getMedicationCodeableConcept().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("6851").setDisplay("methotrexate");
		statement.setEffective(new Period().setStartElement(new DateTimeType("2024-01-10")).setEndElement(new DateTimeType("2024-06-30")));
		statement.addStatusReason().addCoding().setSystem("http://recourse.dev/fhir/CodeSystem/therapy-outcome").setCode("stopped-inefficacy");
		episode = "MedicationStatement/" + client.create().resource(statement).execute().getId().getIdPart();
		String denialId = StoredDenials.store(client, fhirContext, patientId);
		caseId = client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute().getIdElement().getIdPart();
		Parameters in = new Parameters();
		in.addParameter().setName("policy").setValue(new CanonicalType(POLICY));
		return client.operation().onInstance("Task/" + caseId).named("$map-criteria").withParameters(in)
				.returnResourceType(QuestionnaireResponse.class).execute();
	}

	// --- helpers

	private DocumentReference document(String contentType, byte[] data) {
		DocumentReference document = new DocumentReference();
		document.setStatus(DocumentReferenceStatus.CURRENT);
		document.getType().addCoding(new Coding("http://loinc.org", "11506-3", "Progress note"));
		document.setSubject(new Reference("Patient/" + patientId));
		document.addContent().setAttachment(new Attachment().setContentType(contentType).setData(data).setTitle("attached"));
		return document;
	}

	private HttpResponse<String> post(String type, String body) throws Exception {
		return send(fhirRequest(type.isEmpty() ? "" : "/" + type).header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private void assertRefused(HttpResponse<String> answer, int status, String element) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		OperationOutcome outcome = outcome(answer);
		assertThat(outcome.getIssue()).as(answer.body())
				.anyMatch(issue -> issue.getExpression().stream().anyMatch(expression -> element.equals(expression.getValue())));
	}

	private OperationOutcome outcome(HttpResponse<String> answer) {
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, answer.body());
	}

	private String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}

	private static String type(DocumentReference evidence) {
		return evidence.getCategory().get(1).getCodingFirstRep().getCode();
	}

	private byte[] fixture(String name) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/evidence/" + name)) {
			return in.readAllBytes();
		}
	}
}
