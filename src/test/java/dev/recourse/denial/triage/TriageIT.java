package dev.recourse.denial.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** {@code $triage} over HTTP, on third-party denials and on our guide's example, with bad input too. */
class TriageIT extends FhirIntegrationTest {
	private static final String PAS_DENIAL = "/fixtures/davinci-pas-2.2.1/ClaimResponse-RejectionResponseExample.json";
	private static final String OCREVUS_DENIAL = "/profiles/ClaimResponse-ocrevus-offlabel.json";
	private static final String OCREVUS_COVERAGE = "/profiles/Coverage-maya-coverage.json";

	@Test
	void postedPasDenial_isTriagedWithCategoriesRegimeAndBasis() throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("denial").setResource((ClaimResponse) fixture(PAS_DENIAL));

		Parameters out = triage("/ClaimResponse/$triage", in);

		assertThat(codes(out, "category")).isNotEmpty();
		assertThat(out.getParameter("regime")).isNotNull();
		assertThat(out.getParameters("basis")).isNotEmpty();
	}

	@Test
	void offLabelLetter_putsOffLabelAmongTheCategories() throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("denial").setResource((ClaimResponse) fixture(OCREVUS_DENIAL));
		in.addParameter().setName("coverage").setResource((Coverage) fixture(OCREVUS_COVERAGE));
		in.addParameter().setName("letterText").setValue(new StringType(
				"Ocrevus is not FDA-approved for this use and is therefore not covered under your plan."));
		in.addParameter().setName("asOf").setValue(new org.hl7.fhir.r4.model.DateTimeType("2026-11-23T12:00:00Z"));

		Parameters out = triage("/ClaimResponse/$triage", in);

		assertThat(codes(out, "category")).contains("off-label");
		assertThat(out.getParameters("pathway")).isNotEmpty();
		assertThat(out.getParameters("pathway").get(0).getPart()).extracting(p -> p.getName())
				.contains("code", "rank", "eligible", "rationale", "citation");
	}

	@Test
	void storedDenial_isTriagedByIdWithItsStoredCoverage() throws Exception {
		Coverage coverage = (Coverage) fixture(OCREVUS_COVERAGE);
		coverage.setId((String) null);
		coverage.getBeneficiary().setReference(null);
		coverage.getSubscriber().setReference(null);
		coverage.getPayor().clear();
		coverage.addPayor().setDisplay("Acme Health Plan");
		String coverageId = client.create().resource(coverage).execute().getId().getIdPart();
		ClaimResponse denial = (ClaimResponse) fixture(PAS_DENIAL);
		denial.setId((String) null);
		denial.getMeta().getProfile().clear();
		denial.setRequest(null);
		denial.getPatient().setReference(null);
		denial.getInsurer().setReference(null);
		denial.getRequestor().setReference(null);
		denial.getInsurance().clear();
		denial.addInsurance().setSequence(1).setFocal(true).getCoverage().setReference("Coverage/" + coverageId);
		String denialId = client.create().resource(denial).execute().getId().getIdPart();

		Parameters out = triage("/ClaimResponse/" + denialId + "/$triage", new Parameters());

		assertThat(codes(out, "category")).isNotEmpty();
		Coding regime = (Coding) out.getParameter("regime").getValue();
		assertThat(regime.getCode()).isNotEqualTo("unknown");
	}

	@Test
	void typeLevelWithoutDenial_is400NamingDenial() throws Exception {
		HttpResponse<String> response = post("/ClaimResponse/$triage", new Parameters());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(outcome(response).getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("denial");
	}

	@Test
	void unknownDecisionLevel_is400NamingIt() throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("denial").setResource((ClaimResponse) fixture(PAS_DENIAL));
		in.addParameter().setName("decisionLevel").setValue(new org.hl7.fhir.r4.model.CodeType("supreme-court"));

		HttpResponse<String> response = post("/ClaimResponse/$triage", in);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(outcome(response).getIssueFirstRep().getExpression()).extracting(Object::toString)
				.containsExactly("decisionLevel");
	}

	@Test
	void unknownDenialId_is404() throws Exception {
		HttpResponse<String> response = post("/ClaimResponse/no-such-denial/$triage", new Parameters());

		assertThat(response.statusCode()).isEqualTo(404);
	}

	private Parameters triage(String path, Parameters in) throws Exception {
		HttpResponse<String> response = post(path, in);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
	}

	private HttpResponse<String> post(String path, Parameters in) throws Exception {
		return send(fhirRequest(path)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));
	}

	private OperationOutcome outcome(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}

	private static List<String> codes(Parameters out, String name) {
		return out.getParameters(name).stream().map(p -> ((Coding) p.getValue()).getCode()).toList();
	}

	private IBaseResource fixture(String path) throws Exception {
		try (InputStream in = getClass().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return fhirContext.newJsonParser().parseResource(in);
		}
	}
}
