package dev.recourse.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.recourse.support.FhirIntegrationTest;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Our profiles are loaded, served and enforced; the guide's examples and PAS's own examples conform. */
class ConformanceIT extends FhirIntegrationTest {
	private static final String DENIAL_EXAMPLE = "ClaimResponse-ocrevus-offlabel.json";

	@Autowired
	ProfileLibrary library;

	@Autowired
	ConformanceValidator validator;

	@Test
	void everyGuideExample_validatesWithoutErrors() {
		assertThat(library.examples()).hasSizeGreaterThanOrEqualTo(9);
		for (IBaseResource example : library.examples()) {
			assertThat(describe(validator.errors(example)))
					.as(example.fhirType() + "/" + example.getIdElement().getIdPart())
					.isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"Bundle-ReferralAuthorizationBundleExample.json",
		"Bundle-SurgicalRequestBundleExample.json",
		"Bundle-HomecareAuthorizationBundleExample.json",
		"Bundle-MedicalServicesAuthorizationBundleExample.json",
		"ClaimResponse-RejectionResponseExample.json",
		"Bundle-RejectionResponseBundleExample.json"
	})
	void pasExamples_validateAgainstPasWithoutErrors(String file) throws Exception {
		IBaseResource example = fixture("/fixtures/davinci-pas-2.2.1/" + file);

		assertThat(describe(validator.errors(example))).isEmpty();
	}

	@Test
	void conformingDenial_isStored() throws Exception {
		HttpResponse<String> response = post("ClaimResponse", json(denial()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	@Test
	void denialMissingARequiredElement_is422NamingIt() throws Exception {
		ClaimResponse denial = denial();
		denial.setInsurer(null);

		HttpResponse<String> response = post("ClaimResponse", json(denial));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(expressions(response)).anyMatch(e -> e.startsWith("ClaimResponse"));
		assertThat(response.body()).contains("insurer", "unprocessable");
	}

	@Test
	void denialWithAWrongCode_is422NamingTheElement() throws Exception {
		String body = json(denial()).replace("\"outcome\":\"complete\"", "\"outcome\":\"queued\"");

		HttpResponse<String> response = post("ClaimResponse", body);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(expressions(response)).anyMatch(e -> e.contains("ClaimResponse.outcome"));
	}

	@Test
	void denialWithAWrongReferenceType_is422NamingTheElement() throws Exception {
		ClaimResponse denial = denial();
		denial.getPatient().setReference("Organization/acme-health-plan");

		HttpResponse<String> response = post("ClaimResponse", json(denial));

		// HAPI's own reference check answers before the profile does, naming the path in its message.
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("ClaimResponse.patient");
	}

	@Test
	void transactionWithANonConformingEntry_is422AndStoresNothing() throws Exception {
		String marker = "atomic-" + System.nanoTime();
		ClaimResponse broken = denial();
		broken.setInsurer(null);
		org.hl7.fhir.r4.model.Bundle transaction =
				new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
		org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
		patient.addName().setFamily(marker);
		transaction.addEntry().setResource(patient).getRequest()
				.setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("Patient");
		transaction.addEntry().setResource(broken).getRequest()
				.setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("ClaimResponse");

		HttpResponse<String> response = send(fhirRequest("")
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(json(transaction))));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("insurer");
		assertThat(send(fhirRequest("/Patient?family=" + marker).GET()).body()).contains("\"total\":0");
	}

	@Test
	void resourcesClaimingNoProfileOfOurs_areNotValidatedOnWrite() throws Exception {
		ClaimResponse plain = denial();
		plain.getMeta().getProfile().clear();
		plain.setInsurer(null);

		assertThat(post("ClaimResponse", json(plain)).statusCode()).isEqualTo(201);
	}

	@Test
	void validateOperation_usesOurProfiles() throws Exception {
		ClaimResponse broken = denial();
		broken.setInsurer(null);
		String url = "/ClaimResponse/$validate?profile=http://recourse.dev/fhir/StructureDefinition/recourse-denial";

		HttpResponse<String> response = send(fhirRequest(url)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(json(broken))));

		assertThat(response.body()).contains("insurer");
		assertThat(outcome(response).getIssue()).anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
	}

	@Test
	void operationDefinitions_areServed() {
		// By url: a read of OperationDefinition/<id> is answered by HAPI's capability provider, which knows
		// only the definitions it generates itself.
		OperationDefinition triage = client.search().forResource(OperationDefinition.class)
				.where(OperationDefinition.URL.matches().value("http://recourse.dev/fhir/OperationDefinition/ClaimResponse-triage"))
				.returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute()
				.getEntryFirstRep().getResource() instanceof OperationDefinition od ? od : null;

		assertThat(triage).isNotNull();
		assertThat(triage.getCode()).isEqualTo("triage");
		assertThat(triage.getParameter()).extracting(OperationDefinition.OperationDefinitionParameterComponent::getName)
				.contains("denial", "coverage", "category", "pathway");
	}

	/** The resources the example denial refers to, so referential integrity holds when it is stored. */
	@org.junit.jupiter.api.BeforeEach
	void storeReferencedExamples() {
		org.hl7.fhir.r4.model.Bundle transaction =
				new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
		for (IBaseResource example : library.examples()) {
			if (List.of("Patient", "Organization", "Practitioner", "Coverage", "MedicationRequest", "Condition")
					.contains(example.fhirType())) {
				String url = example.fhirType() + "/" + example.getIdElement().getIdPart();
				transaction.addEntry().setResource((org.hl7.fhir.r4.model.Resource) example).setFullUrl(url)
						.getRequest().setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.PUT).setUrl(url);
			}
		}
		client.transaction().withBundle(transaction).execute();
	}

	private ClaimResponse denial() throws Exception {
		ClaimResponse denial = (ClaimResponse) fixture("/profiles/" + DENIAL_EXAMPLE);
		denial.setId((String) null);
		return denial;
	}

	private IBaseResource fixture(String path) throws Exception {
		try (InputStream in = getClass().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return fhirContext.newJsonParser().parseResource(in);
		}
	}

	private HttpResponse<String> post(String type, String body) throws Exception {
		return send(fhirRequest("/" + type)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private String json(IBaseResource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}

	private OperationOutcome outcome(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}

	private Stream<String> expressionsStream(HttpResponse<String> response) {
		return outcome(response).getIssue().stream().flatMap(i -> i.getExpression().stream()).map(Object::toString);
	}

	private List<String> expressions(HttpResponse<String> response) {
		return expressionsStream(response).toList();
	}

	private static List<String> describe(List<SingleValidationMessage> messages) {
		return messages.stream().map(m -> m.getMessageId() + " @ " + m.getLocationString() + ": " + m.getMessage()).toList();
	}
}
