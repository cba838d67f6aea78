package dev.recourse.ehr.pull;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.support.TestEhrs;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** {@code Task/[id]/$pull-history} over real HTTP against fake EHRs serving third-party fixture patients. */
class PullHistoryIT extends PullHistoryTestBase {
	@Test
	void pull_fromSearchOnlyEhr_storesTheChartUnderTheCasePatientWithProvenance() throws Exception {
		PulledCase pulled = openCase(PATIENT_85_MRN);

		Parameters result = pull(pulled.caseId(), null);

		Map<String, Integer> counts = counts(result);
		FakeEhr ehr = EHRS.searchOnly();
		assertThat(counts).containsEntry("Condition", ehr.resourcesOf(EHR_PATIENT_85, "Condition").size())
				.containsEntry("MedicationRequest", ehr.resourcesOf(EHR_PATIENT_85, "MedicationRequest").size())
				.containsEntry("Procedure", ehr.resourcesOf(EHR_PATIENT_85, "Procedure").size())
				.containsEntry("DocumentReference", ehr.resourcesOf(EHR_PATIENT_85, "DocumentReference").size());
		assertThat(result.getParameters("warning")).isEmpty();
		assertThat(ehr.requestCount("$everything")).isZero();

		Bundle conditions = client.search().forResource(Condition.class).where(Condition.PATIENT.hasId(pulled.patientId()))
				.count(50).returnBundle(Bundle.class).execute();
		assertThat(conditions.getEntry()).hasSize(counts.get("Condition"));
		Condition condition = (Condition) conditions.getEntryFirstRep().getResource();
		assertThat(condition.getMeta().getSource()).startsWith(ehr.baseUrl());
		assertThat(condition.getIdentifier()).anyMatch(id -> "urn:ietf:rfc:3986".equals(id.getSystem())
				&& id.getValue().startsWith(ehr.baseUrl() + "/Condition/"));

		Provenance provenance = client.read().resource(Provenance.class)
				.withUrl(((Reference) result.getParameter("provenance").getValue()).getReference()).execute();
		assertThat(provenance.getTarget()).hasSize(counts.values().stream().mapToInt(Integer::intValue).sum());
		assertThat(provenance.getEntityFirstRep().getWhat().getReference()).isEqualTo("Endpoint/" + TestEhrs.SEARCH_ONLY);
		assertThat(provenance.getAgentFirstRep().getWho().getIdentifier().getValue()).isNotBlank();

		Task caseTask = client.read().resource(Task.class).withId(pulled.caseId()).execute();
		assertThat(caseTask.getOutput()).anyMatch(output -> output.getType().getCodingFirstRep().getCode().equals("history-pull")
				&& ((Reference) output.getValue()).getReference().startsWith("Provenance/" + provenance.getIdElement().getIdPart()));
		Patient patient = client.read().resource(Patient.class).withId(pulled.patientId()).execute();
		assertThat(patient.getIdentifier()).anyMatch(id -> (ehr.baseUrl() + "/Patient/" + EHR_PATIENT_85).equals(id.getValue()));
	}

	@Test
	void pull_isAuditedAsOneEventNamingThePatient_withTheProvenanceListingWhatWasStored() throws Exception {
		PulledCase pulled = openCase(PATIENT_85_MRN);

		Parameters result = pull(pulled.caseId(), null);

		Bundle trail = client.search().byUrl("AuditEvent?entity=" + fhirBase() + "/Patient/" + pulled.patientId() + "&_count=50")
				.returnBundle(Bundle.class).execute();
		List<AuditEvent> events = trail.getEntry().stream().map(entry -> (AuditEvent) entry.getResource()).toList();
		assertThat(events).filteredOn(event -> event.getSubtype().stream().anyMatch(code -> "$pull-history".equals(code.getCode())))
				.hasSize(1);
		int stored = counts(result).values().stream().mapToInt(Integer::intValue).sum();
		assertThat(events).as("no event per stored resource").hasSizeLessThan(stored);
	}

	@Test
	void pull_twice_storesNoDuplicatesAndKeepsVersions() throws Exception {
		PulledCase pulled = openCase(PATIENT_85_MRN);
		Map<String, Integer> first = counts(pull(pulled.caseId(), null));

		Parameters again = pull(pulled.caseId(), null);

		Map<String, Integer> second = counts(again);
		assertThat(second).isEqualTo(first);
		assertThat(unchanged(again)).as("nothing changed at the EHR: nothing written again").isEqualTo(first);
		Bundle conditions = client.search().forResource(Condition.class).where(Condition.PATIENT.hasId(pulled.patientId()))
				.count(50).returnBundle(Bundle.class).execute();
		assertThat(conditions.getEntry()).hasSize(first.get("Condition"));
		assertThat(conditions.getEntry()).allMatch(entry -> "1".equals(entry.getResource().getMeta().getVersionId()));
	}

	@Test
	void repull_writesOnlyWhatChangedAtTheEhr_andRestoresALocalEdit() throws Exception {
		String mrn = java.util.UUID.randomUUID().toString();
		FakeEhr ehr = EHRS.searchOnly();
		String ehrPatient = ehr.add(new Patient().addIdentifier(new Identifier().setSystem(PATIENT_85_MRN.getSystem()).setValue(mrn))
				.addName(new HumanName().setFamily("Repulled"))).get(0).split("/")[1];
		Condition atEhr = condition(ehrPatient, "Rheumatoid arthritis");
		String conditionAtEhr = ehr.add(atEhr).get(0);
		ehr.add(new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED)
				.setCode(new CodeableConcept().setText("Joint injection")).setSubject(new Reference("Patient/" + ehrPatient))).get(0);
		PulledCase pulled = openCase(new Identifier().setSystem(PATIENT_85_MRN.getSystem()).setValue(mrn));
		Parameters first = pull(pulled.caseId(), null);
		assertThat(unchanged(first)).containsEntry("Condition", 0).containsEntry("Procedure", 0);
		Condition condition = onlyCopy(Condition.class, pulled.patientId());
		Procedure procedure = onlyCopy(Procedure.class, pulled.patientId());
		atEhr.setId(conditionAtEhr);
		ehr.add(atEhr.setNote(List.of(new Annotation().setText("Seropositive"))));
		procedure.getCode().setText("Edited here");
		client.update().resource(procedure).execute();

		Parameters second = pull(pulled.caseId(), null);

		assertThat(counts(second)).isEqualTo(counts(first));
		assertThat(unchanged(second)).as("everything else of the chart was left as stored")
				.containsEntry("Condition", counts(first).get("Condition") - 1).containsEntry("Procedure", counts(first).get("Procedure") - 1);
		Condition updated = client.read().resource(Condition.class).withId(condition.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(updated.getMeta().getVersionId()).isEqualTo("2");
		assertThat(updated.getNoteFirstRep().getText()).isEqualTo("Seropositive");
		Procedure restored = client.read().resource(Procedure.class)
				.withId(procedure.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(restored.getCode().getText()).as("the EHR's record, not the local edit").isEqualTo("Joint injection");
		assertThat(restored.getMeta().getVersionId()).isEqualTo("3");
		Parameters third = pull(pulled.caseId(), null);
		assertThat(unchanged(third)).isEqualTo(counts(first));
		Provenance provenance = client.read().resource(Provenance.class).withId(((Reference) third.getParameter("provenance").getValue()).getReference()).execute();
		assertThat(provenance.getTarget()).extracting(Reference::getReference)
				.contains("Condition/" + condition.getIdElement().getIdPart(), "Procedure/" + procedure.getIdElement().getIdPart());
	}

	private static Condition condition(String ehrPatient, String text) {
		Condition condition = new Condition();
		condition.getCode().setText(text);
		condition.setSubject(new Reference("Patient/" + ehrPatient));
		return condition;
	}

	private <T extends IBaseResource> T onlyCopy(Class<T> type, String patientId) {
		Bundle found = client.search().forResource(type).where(new ReferenceClientParam("patient").hasId(patientId))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
		return type.cast(found.getEntryFirstRep().getResource());
	}

	@Test
	void pull_fromEhrOfferingEverything_usesIt() throws Exception {
		PulledCase pulled = openCase(PATIENT_85_MRN);

		Parameters result = pull(pulled.caseId(), "Endpoint/" + TestEhrs.EVERYTHING);

		FakeEhr ehr = EHRS.everything();
		assertThat(ehr.requestCount("$everything")).isPositive();
		assertThat(ehr.requestCount("Condition")).isZero();
		assertThat(counts(result)).containsEntry("Condition", ehr.resourcesOf(EHR_PATIENT_85, "Condition").size());
	}

	@Test
	void pull_asksOnlyForTheObservationsThePoliciesQuery() throws Exception {
		PulledCase pulled = openCase(PriorTherapyIT.ALEJANDRO_MRN);
		FakeEhr ehr = EHRS.searchOnly();
		ehr.resetLog();

		Parameters result = pull(pulled.caseId(), null);

		List<IBaseResource> atEhr = ehr.resourcesOf(PriorTherapyIT.EHR_ALEJANDRO, "Observation");
		int wanted = policyObservations(atEhr);
		assertThat(wanted).as("the fixture has BMI and LDL results").isPositive().isLessThan(atEhr.size());
		assertThat(counts(result)).containsEntry("Observation", wanted);
		assertThat(ehr.requests()).filteredOn(request -> request.pathAndQuery().contains("/Observation?")).singleElement()
				.satisfies(request -> assertThat(java.net.URLDecoder.decode(request.pathAndQuery(), java.nio.charset.StandardCharsets.UTF_8))
						.contains("code=").contains("http://loinc.org|13457-7").contains("http://loinc.org|39156-5").doesNotContain("category="));
	}

	@Test
	void pull_throughEverything_keepsTheSameObservations() throws Exception {
		PulledCase pulled = openCase(PriorTherapyIT.ALEJANDRO_MRN);

		Parameters result = pull(pulled.caseId(), "Endpoint/" + TestEhrs.EVERYTHING);

		assertThat(counts(result)).containsEntry("Observation",
				policyObservations(EHRS.everything().resourcesOf(PriorTherapyIT.EHR_ALEJANDRO, "Observation")));
	}

	@Test
	void pull_withUnknownEndpoint_is404_andWithUrl_is400() throws Exception {
		String caseId = openCase(PATIENT_85_MRN).caseId();

		HttpResponse<String> unknown = postPull(caseId, "Endpoint/no-such-ehr", adminToken);
		HttpResponse<String> url = postPull(caseId, "https://evil.example/fhir", adminToken);

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(url.statusCode()).isEqualTo(400);
		assertThat(url.body()).contains("endpoint");
	}

	@Test
	void pull_fromEndpointOutsideTheOutboundPolicy_is422AndCallsNothing() throws Exception {
		String caseId = openCase(PATIENT_85_MRN).caseId();
		Endpoint rogue = new Endpoint();
		rogue.setStatus(Endpoint.EndpointStatus.ACTIVE);
		rogue.getConnectionType().setSystem("http://terminology.hl7.org/CodeSystem/endpoint-connection-type").setCode("hl7-fhir-rest");
		rogue.addPayloadType().setText("FHIR");
		rogue.setAddress("http://169.254.169.254/latest/meta-data");
		String rogueId = client.create().resource(rogue).execute().getId().getIdPart();

		HttpResponse<String> response = postPull(caseId, "Endpoint/" + rogueId, adminToken);

		assertThat(response.statusCode()).isEqualTo(422);
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).contains("Endpoint.address");
	}

	@Test
	void pull_forPatientTheEhrDoesNotKnow_is422() throws Exception {
		String caseId = openCase(new Identifier().setSystem("http://hospital.smarthealthit.org").setValue("nobody-here")).caseId();

		HttpResponse<String> response = postPull(caseId, null, adminToken);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("No patient at the EHR");
	}

	/** The specialists' app pulls with a user's token: the copies' ids are the operation's choice, not the user's. */
	@Test
	void pull_byAUsersApp_storesTheChart() throws Exception {
		String caseId = openCase(PATIENT_85_MRN).caseId();

		HttpResponse<String> response = postPull(caseId, null, tokens.user("Practitioner/app-user", "user/*.cruds"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"provenance\"");
	}

	@Test
	void pull_withoutWriteScopes_is403() throws Exception {
		String caseId = openCase(PATIENT_85_MRN).caseId();

		HttpResponse<String> response = postPull(caseId, null, tokens.system("system/*.rs"));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void pull_onTaskThatIsNoCase_is422() throws Exception {
		Task other = new Task();
		other.setStatus(Task.TaskStatus.REQUESTED);
		other.setIntent(Task.TaskIntent.ORDER);
		String taskId = client.create().resource(other).execute().getId().getIdPart();

		assertThat(postPull(taskId, null, adminToken).statusCode()).isEqualTo(422);
	}
}
