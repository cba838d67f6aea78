package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.Constants;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.SmartAppBrowser;
import dev.recourse.support.StoredDenials;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code $draft-letter} and {@code $sign} over HTTP: a case with a criteria map gets a letter that conforms to
 * RecourseLetter and whose PDF states each criterion as the policy words it; the specialist's text survives a re-draft;
 * only a prescriber's own login signs; a signed letter is frozen.
 */
class DraftLetterIT extends FhirIntegrationTest {
	static final String POLICY = "http://recourse.dev/fhir/Questionnaire/it-ra-step|1";
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-letter";

	@BeforeEach
	void policyOnServer() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/criteria/Questionnaire-it-ra-step.json")) {
			client.create().resource(fhirContext.newJsonParser().parseResource(Questionnaire.class, in))
					.conditionalByUrl("Questionnaire?url=http://recourse.dev/fhir/Questionnaire/it-ra-step&version=1").execute();
		}
	}

	@Test
	void caseWithMap_getsAConformingLetter_whosePdfStatesEveryCriterion() throws Exception {
		String caseId = caseWithMap();
		QuestionnaireResponse map = client.read().resource(QuestionnaireResponse.class)
				.withUrl(output(caseId, "criteria-map")).execute();

		HttpResponse<String> response = draft(caseId, null, adminToken);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentReference letter = fhirContext.newJsonParser().parseResource(DocumentReference.class, response.body());
		assertThat(letter.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
		assertThat(letter.hasAuthenticator()).isFalse();
		assertThat(letter.getContent()).extracting(content -> content.getAttachment().getContentType())
				.containsExactly("text/html", "application/pdf");
		assertThat(letter.getContent()).allMatch(content -> content.getAttachment().hasHash() && content.getAttachment().getSize() > 0);
		assertThat(output(caseId, "letter")).isEqualTo("DocumentReference/" + letter.getIdElement().getIdPart());
		assertNoErrors(validate(letter));

		String text = pdfText(letter);
		List<String> requirements = map.getItem().stream().filter(item -> item.hasText()).map(item -> item.getText()).toList();
		assertThat(requirements).isNotEmpty();
		for (String requirement : requirements) {
			assertThat(text).contains(normalized(requirement));
		}
		assertThat(text).contains("Rheumatoid arthritis, unspecified (M06.9)").contains("methotrexate")
				.contains("Okafor");
	}

	@Test
	void specialistsSection_survivesARedraftWithoutSections() throws Exception {
		String caseId = caseWithMap();
		String argument = "Methotrexate failed after six months; the patient cannot wait for a third conventional agent.";
		assertThat(draft(caseId, argument, adminToken).statusCode()).isEqualTo(200);

		HttpResponse<String> again = draft(caseId, null, adminToken);

		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		DocumentReference letter = fhirContext.newJsonParser().parseResource(DocumentReference.class, again.body());
		assertThat(letter.getExtensionsByUrl(LetterSections.URL)).singleElement()
				.satisfies(section -> assertThat(section.getExtensionByUrl("text").getValue().primitiveValue()).isEqualTo(argument));
		assertThat(new String(letter.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8)).contains(argument);
		assertThat(pdfText(letter)).contains(normalized(argument));
	}

	@Test
	void onlyAPrescribersLoginSigns_andASignedLetterIsFrozen() throws Exception {
		String caseId = caseWithMap();
		DocumentReference draft = fhirContext.newJsonParser().parseResource(DocumentReference.class, draft(caseId, null, adminToken).body());
		String letterId = draft.getIdElement().getIdPart();
		Practitioner doctor = new Practitioner();
		doctor.addName().setFamily("Chen").addGiven("Ana");
		doctor.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567893");
		doctor.addQualification().getCode().setText("MD");
		String doctorId = client.create().resource(doctor).execute().getId().getIdPart();

		HttpResponse<String> bySystem = sign(letterId, adminToken);
		assertThat(bySystem.statusCode()).as(bySystem.body()).isEqualTo(403);
		assertThat(bySystem.body()).contains("OperationOutcome").contains("Practitioner");
		HttpResponse<String> byPatientUser = sign(letterId, tokens.user("Patient/" + doctorId, "user/*.cruds"));
		assertThat(byPatientUser.statusCode()).as(byPatientUser.body()).isEqualTo(403);

		HttpResponse<String> byPrescriber = sign(letterId, tokens.user("Practitioner/" + doctorId, "user/*.cruds"));

		assertThat(byPrescriber.statusCode()).as(byPrescriber.body()).isEqualTo(200);
		DocumentReference signed = fhirContext.newJsonParser().parseResource(DocumentReference.class, byPrescriber.body());
		assertThat(signed.getAuthenticator().getReference()).isEqualTo("Practitioner/" + doctorId);
		assertThat(signed.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
		assertThat(pdfText(signed)).contains("Ana Chen").contains("1234567893");
		assertNoErrors(validate(signed));

		HttpResponse<String> put = send(fhirRequest("/DocumentReference/" + letterId).header("Content-Type", FHIR_JSON)
				.PUT(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(signed.setDescription("changed")))));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(409);
		assertThat(put.body()).contains("DocumentReference.authenticator");
		HttpResponse<String> delete = send(fhirRequest("/DocumentReference/" + letterId).DELETE());
		assertThat(delete.statusCode()).as(delete.body()).isEqualTo(409);
		HttpResponse<String> redraft = draft(caseId, null, adminToken);
		assertThat(redraft.statusCode()).as(redraft.body()).isEqualTo(409);
		assertThat(redraft.body()).contains("signed");
	}

	/** The demonstration's own road: the prescriber logs in to the development issuer through the SMART app's flow. */
	@Test
	void prescriberSigns_withTheTokenTheAppGetsAtLogin() throws Exception {
		String caseId = caseWithMap();
		DocumentReference draft = fhirContext.newJsonParser().parseResource(DocumentReference.class, draft(caseId, null, adminToken).body());
		demoPrescriberOnFile();
		String token = new SmartAppBrowser(serverRoot()).authorizeAndExchange("openid fhirUser user/*.cruds", Map.of())
				.path("access_token").asText();

		HttpResponse<String> signed = sign(draft.getIdElement().getIdPart(), token);

		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		DocumentReference letter = fhirContext.newJsonParser().parseResource(DocumentReference.class, signed.body());
		assertThat(letter.getAuthenticator().getReference()).isEqualTo(SmartAppBrowser.FHIR_USER);
		assertThat(letter.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
		assertThat(pdfText(letter)).containsIgnoringCase("Watson");
	}

	@Test
	void aPathwayTriageDoesNotFindEligible_is422NamingPathway() throws Exception {
		String caseId = caseWithMap();
		Task caseTask = client.read().resource(Task.class).withId(caseId).execute();
		Parameters triage = client.operation().onInstance(caseTask.getFocus().getReference()).named("$triage")
				.withNoParameters(Parameters.class).execute();
		java.util.Set<String> eligible = new java.util.HashSet<>();
		triage.getParameter().stream().filter(parameter -> parameter.getName().equals("pathway")).forEach(pathway -> {
			boolean open = pathway.getPart().stream().anyMatch(part -> part.getName().equals("eligible") && ((org.hl7.fhir.r4.model.BooleanType) part.getValue()).booleanValue());
			if (open) {
				pathway.getPart().stream().filter(part -> part.getName().equals("code")).forEach(part -> eligible.add(((Coding) part.getValue()).getCode()));
			}
		});
		String closed = java.util.Arrays.stream(dev.recourse.pathway.PathwayCode.values()).map(dev.recourse.pathway.PathwayCode::code)
				.filter(code -> !eligible.contains(code)).findFirst().orElseThrow();
		Parameters in = new Parameters();
		in.addParameter().setName("pathway").setValue(new CodeType(closed));

		HttpResponse<String> response = send(fhirRequest("/Task/" + caseId + "/$draft-letter").header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains("pathway").contains(closed);
	}

	// --- the case: a patient with RA and a failed methotrexate trial, the PAS denial, its case and criteria map

	private String caseWithMap() throws Exception {
		Patient patient = new Patient();
		patient.addName().setFamily("Okafor").addGiven("Maya");
		patient.setBirthDateElement(new DateType("1970-04-02"));
		String patientId = client.create().resource(patient).execute().getId().getIdPart();
		Condition ra = new Condition();
		ra.setSubject(new Reference("Patient/" + patientId));
		ra.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode("M06.9").setDisplay("Rheumatoid arthritis, unspecified");
		ra.setRecordedDateElement(new DateTimeType("2023-11-02"));
		client.create().resource(ra).execute();
		MedicationStatement episode = new MedicationStatement();
		episode.setStatus(MedicationStatement.MedicationStatementStatus.STOPPED);
		episode.setSubject(new Reference("Patient/" + patientId));
		episode.setCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "prior-therapy-episode", null)));
		episode.getMedicationCodeableConcept().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("6851").setDisplay("methotrexate");
		episode.setEffective(new Period().setStartElement(new DateTimeType("2024-01-10")).setEndElement(new DateTimeType("2024-06-30")));
		episode.addStatusReason().addCoding().setSystem("http://recourse.dev/fhir/CodeSystem/therapy-outcome").setCode("stopped-inefficacy")
				.setDisplay("Stopped: inadequate response");
		client.create().resource(episode).execute();
		String denialId = StoredDenials.store(client, fhirContext, patientId);
		Task caseTask = client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
		Parameters in = new Parameters();
		in.addParameter().setName("policy").setValue(new CanonicalType(POLICY));
		client.operation().onInstance("Task/" + caseTask.getIdElement().getIdPart()).named("$map-criteria").withParameters(in)
				.returnResourceType(QuestionnaireResponse.class).execute();
		return caseTask.getIdElement().getIdPart();
	}

	/** The Da Vinci PAS example prescriber the demo login is (as in the demo data), unless a test stored it already. */
	/** Written every time: the browser tests store their own name on the same Practitioner (the demo login's fhirUser). */
	private void demoPrescriberOnFile() {
		Practitioner watson = new Practitioner();
		watson.setId(SmartAppBrowser.FHIR_USER);
		watson.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567893");
		watson.addName().setFamily("WATSON").addGiven("SUSAN");
		client.update().resource(watson).execute();
	}

	private String output(String caseId, String artifactType) {
		Task caseTask = client.read().resource(Task.class).withId(caseId).execute();
		return caseTask.getOutput().stream().filter(output -> output.getType().getCodingFirstRep().getCode().equals(artifactType))
				.map(output -> ((Reference) output.getValue()).getReference()).findFirst().orElseThrow();
	}

	private HttpResponse<String> draft(String caseId, String argument, String token) throws Exception {
		Parameters in = new Parameters();
		if (argument != null) {
			Parameters.ParametersParameterComponent section = in.addParameter().setName("section");
			section.addPart().setName("name").setValue(new CodeType("argument"));
			section.addPart().setName("text").setValue(new StringType(argument));
		}
		return send(fhirRequest("/Task/" + caseId + "/$draft-letter", token).header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));
	}

	private HttpResponse<String> sign(String letterId, String token) throws Exception {
		return send(fhirRequest("/DocumentReference/" + letterId + "/$sign", token).header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
	}

	private OperationOutcome validate(DocumentReference letter) throws Exception {
		HttpResponse<String> response = send(fhirRequest("/DocumentReference/$validate?profile=" + PROFILE).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(letter))));
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}

	private void assertNoErrors(OperationOutcome outcome) {
		assertThat(outcome.getIssue()).as(fhirContext.newJsonParser().encodeResourceToString(outcome))
				.noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
						|| issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
	}

	private static String pdfText(DocumentReference letter) throws Exception {
		byte[] pdf = letter.getContent().stream().filter(content -> "application/pdf".equals(content.getAttachment().getContentType()))
				.findFirst().orElseThrow().getAttachment().getData();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return normalized(new PDFTextStripper().getText(document));
		}
	}

	private static String normalized(String text) {
		return text.replaceAll("\\s+", " ");
	}
}
