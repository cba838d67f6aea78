package dev.recourse.packet;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.util.FhirTerser;
import dev.recourse.support.FhirIntegrationTest;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * The steps of a case up to {@code $assemble}, over HTTP, shared by the packet's integration tests: the Da Vinci PAS
 * referral example's parties on file, a case opened on a denial, the criteria map with every open criterion answered
 * by a specialist, a letter signed (or not) by the referral practitioner, the call, and the checks of its answer.
 */
public abstract class PacketCaseSteps extends FhirIntegrationTest {
	protected static final String REQUEST_BUNDLE = "/fixtures/davinci-pas-2.2.1/Bundle-ReferralAuthorizationBundleExample.json";
	protected static final String DENIAL = "/fixtures/davinci-pas-2.2.1/ClaimResponse-RejectionResponseExample.json";
	protected static final String PRESCRIBER = "Practitioner/ReferralPractitionerExample";
	protected static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	private static final String INFORMATION_ORIGIN = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin";
	/** The smallest well-formed PDF: one empty page. The letter's content is not what these tests are about. */
	private static final String MINIMAL_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
			+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
	private static final String CRITERION_STATUS = "http://recourse.dev/fhir/StructureDefinition/criterion-status";

	/** Those of the referral example's resources that {@code keep} accepts, on file by their ids (plus the member id the example leaves blank). */
	protected void storeReferralExample(Predicate<Resource> keep) throws Exception {
		store(read(Bundle.class, REQUEST_BUNDLE), keep);
	}

	/** Those of a PAS request Bundle's resources that {@code keep} accepts, on file by their ids (the Coverage with a member id). */
	protected void store(Bundle example, Predicate<Resource> keep) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Bundle.BundleEntryComponent entry : example.getEntry()) {
			Resource resource = entry.getResource();
			if (!keep.test(resource)) {
				continue;
			}
			if (resource instanceof Coverage coverage) {
				coverage.getIdentifierFirstRep().setValue("PAS-MEMBER-0001");
			}
			String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			transaction.addEntry().setResource(resource).setFullUrl(url).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
		}
		client.transaction().withBundle(transaction).execute();
	}

	/** The case of this denial, stored dated today. */
	protected Task openCase(ClaimResponse denial) {
		denial.setId((String) null);
		denial.setCreated(new Date());
		String denialId = client.create().resource(denial).execute().getId().getIdPart();
		return client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
	}

	protected QuestionnaireResponse map(Task caseTask, String policy) {
		Parameters in = new Parameters();
		in.addParameter().setName("policy").setValue(new CanonicalType(policy));
		return client.operation().onInstance("Task/" + caseTask.getIdElement().getIdPart()).named("$map-criteria").withParameters(in)
				.returnResourceType(QuestionnaireResponse.class).execute();
	}

	/** The specialist answers every criterion the chart left open (an override, with the author). */
	protected void answerOpenCriteria(QuestionnaireResponse map) {
		for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : map.getItem()) {
			if (!item.hasAnswer()) {
				item.getExtension().removeIf(extension -> extension.getUrl().equals(CRITERION_STATUS));
				QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = item.addAnswer().setValue(new BooleanType(true));
				Extension origin = answer.addExtension().setUrl(INFORMATION_ORIGIN);
				origin.addExtension("source", new CodeType("override"));
				origin.addExtension().setUrl("author").addExtension("practitioner", new Reference(PRESCRIBER));
				answer.addExtension(CRITERION_STATUS, new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/criterion-status", "met", "Met")));
			}
		}
		client.update().resource(map).execute();
	}

	/** A RecourseLetter for the internal appeal, linked from the case; signed by the referral practitioner or not. */
	protected Task withLetter(Task caseTask, boolean signed) {
		DocumentReference letter = new DocumentReference();
		letter.getMeta().addProfile("http://recourse.dev/fhir/StructureDefinition/recourse-letter");
		letter.addExtension("http://recourse.dev/fhir/StructureDefinition/pathway",
				new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/pathway", "internal-appeal", "Internal appeal")));
		letter.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		letter.setDocStatus(signed ? DocumentReference.ReferredDocumentStatus.FINAL : DocumentReference.ReferredDocumentStatus.PRELIMINARY);
		letter.getType().addCoding().setSystem("http://loinc.org").setCode("51851-4").setDisplay("Administrative note");
		letter.addCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "letter", "Letter")));
		letter.addCategory(new CodeableConcept(new Coding("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "clinical-note", "Clinical Note")));
		letter.setSubject(caseTask.getFor());
		letter.setDate(new Date());
		letter.addAuthor(new Reference(PRESCRIBER));
		if (signed) {
			letter.setAuthenticator(new Reference(PRESCRIBER));
		}
		letter.addContent().getAttachment().setContentType("text/html").setData("<p>Letter</p>".getBytes(StandardCharsets.UTF_8));
		letter.addContent().getAttachment().setContentType("application/pdf").setData(MINIMAL_PDF.getBytes(StandardCharsets.US_ASCII));
		letter.getContext().addRelated(caseTask.getFocus());
		String letterId = client.create().resource(letter).execute().getId().getIdPart();
		caseTask.addOutput().setValue(new Reference("DocumentReference/" + letterId)).getType()
				.addCoding(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "letter", "Letter"));
		client.update().resource(caseTask).execute();
		return reread(caseTask);
	}

	protected Task reread(Task caseTask) {
		return client.read().resource(Task.class).withId(caseTask.getIdElement().getIdPart()).execute();
	}

	// --- the call and its answer

	protected Bundle assemble(Task caseTask) throws Exception {
		HttpResponse<String> response = post(caseTask);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
	}

	protected HttpResponse<String> post(Task caseTask) throws Exception {
		return send(fhirRequest("/Task/" + caseTask.getIdElement().getIdPart() + "/$assemble")
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
	}

	List<String> expressions(HttpResponse<String> response) {
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		return outcome.getIssue().stream().flatMap(issue -> issue.getExpression().stream()).map(expression -> expression.getValue()).toList();
	}

	List<String> validationErrors(Bundle packet) throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Bundle/$validate?profile=" + PacketBundle.PROFILE)
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(packet))));
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		return outcome.getIssue().stream().filter(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
				|| issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL).map(issue -> issue.getLocation() + ": " + issue.getDiagnostics()).toList();
	}

	void assertEveryLocalReferenceResolvesInside(Bundle packet) {
		Set<String> inside = new HashSet<>();
		packet.getEntry().forEach(entry -> inside.add(entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart()));
		FhirTerser terser = fhirContext.newTerser();
		for (Bundle.BundleEntryComponent entry : packet.getEntry()) {
			for (Reference reference : terser.getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
				String value = reference.getReference();
				if (value != null && !value.contains("://") && !value.startsWith("#") && !value.startsWith("urn:")) {
					assertThat(inside).as(entry.getFullUrl() + " → " + value).contains(value);
				}
			}
		}
	}

	protected static Claim request(Bundle packet) {
		return (Claim) packet.getEntryFirstRep().getResource();
	}

	protected static String output(Task caseTask, String type) {
		return caseTask.getOutput().stream().filter(output -> output.getType().getCodingFirstRep().getCode().equals(type))
				.map(output -> ((Reference) output.getValue()).getReference()).findFirst().orElse(null);
	}

	protected <T extends org.hl7.fhir.instance.model.api.IBaseResource> T read(Class<T> type, String path) throws Exception {
		try (InputStream in = getClass().getResourceAsStream(path)) {
			return fhirContext.newJsonParser().parseResource(type, in);
		}
	}
}
