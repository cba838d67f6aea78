package dev.recourse.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.TestTokens;
import jakarta.persistence.EntityManagerFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail over HTTP: one BALP AuditEvent per access to patient data with who, what and the
 * outcome, refusals included, nothing for the capability statement — and durable: an event recorded for a
 * change is stored in the change's own transaction, so a rollback takes both, while the failure is recorded.
 * Events are looked up by the request id the test sent, through HAPI's DAO as the system (not audited).
 */
class AuditIT extends FhirIntegrationTest {
	private static final String FAIL_TAG = "http://recourse.dev/test/fail-at-precommit";

	@Autowired
	private DaoRegistry daos;

	@Autowired
	private IInterceptorService storage;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	private Date start;

	@BeforeEach
	void markStart() {
		start = new Date(System.currentTimeMillis() - 1000);
	}

	@Test
	void read_isRecordedAsPatientReadWithClientUserAndNetworkAddress() throws Exception {
		String id = createPatient();
		String requestId = requestId();

		HttpResponse<String> response = send(fhirRequest("/Patient/" + id).header("X-Request-ID", requestId).GET());

		assertThat(response.statusCode()).isEqualTo(200);
		AuditEvent event = single(auditsOf(requestId));
		assertThat(subtypes(event)).containsExactly("read");
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(event.getMeta().getProfile().get(0).getValue()).endsWith("IHE.BasicAudit.PatientRead");
		assertThat(patients(event)).containsExactly(fhirBase() + "/Patient/" + id);
		AuditEventAgentComponent client = agent(event, "110153");
		assertThat(client.getWho().getIdentifier().getSystem()).isEqualTo(CallerAgents.CLIENT_ID_SYSTEM);
		assertThat(client.getWho().getIdentifier().getValue()).isEqualTo(TestTokens.EHR_CLIENT);
		assertThat(client.getNetwork().getAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		AuditEventAgentComponent requestor = requestor(event);
		assertThat(requestor.getWho().getIdentifier().getValue()).isEqualTo(TestTokens.EHR_CLIENT);
		assertThat(requestor.getPolicy()).hasSize(1);
	}

	@Test
	void patientLaunch_recordsUserReferenceTokenIdAndPatientContext() throws Exception {
		String id = createPatient();
		String requestId = requestId();
		String token = tokens.patient(id, "patient/Patient.rs");

		HttpResponse<String> response = send(fhirRequest("/Patient/" + id, token).header("X-Request-ID", requestId).GET());

		assertThat(response.statusCode()).isEqualTo(200);
		AuditEventAgentComponent requestor = requestor(single(auditsOf(requestId)));
		assertThat(requestor.getWho().getReference()).isEqualTo(fhirBase() + "/Practitioner/specialist-1");
		assertThat(requestor.getPolicy().get(0).getValue()).isNotBlank();
		Reference context = (Reference) requestor.getExtensionByUrl(CallerAgents.PATIENT_CONTEXT).getValue();
		assertThat(context.getReference()).isEqualTo("Patient/" + id);
	}

	@Test
	void search_isRecordedAsPatientQueryWithItsQuery() throws Exception {
		String id = createPatient();
		String requestId = requestId();

		HttpResponse<String> response = send(fhirRequest("/Patient?_id=" + id).header("X-Request-ID", requestId).GET());

		assertThat(response.statusCode()).isEqualTo(200);
		AuditEvent event = single(auditsOf(requestId));
		assertThat(subtypes(event)).containsExactly("search-type");
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
		assertThat(patients(event)).containsExactly(fhirBase() + "/Patient/" + id);
		assertThat(event.getEntity()).filteredOn(AuditEventEntityComponent::hasQuery)
				.singleElement()
				.satisfies(entity -> assertThat(new String(entity.getQuery())).contains("_id=" + id));
	}

	@Test
	void createUpdateDelete_areEachRecordedRightAfterTheResponse() throws Exception {
		String create = requestId();
		HttpResponse<String> created = send(fhirRequest("/Patient").header("X-Request-ID", create)
				.header("Content-Type", FHIR_JSON).POST(json(new Patient().setActive(true))));
		assertThat(created.statusCode()).isEqualTo(201);
		String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Patient/([^/]+)/.*", "$1");
		String update = requestId();
		assertThat(send(fhirRequest("/Patient/" + id).header("X-Request-ID", update)
				.header("Content-Type", FHIR_JSON).PUT(json(new Patient().setActive(false).setId(id)))).statusCode())
				.isEqualTo(200);
		String delete = requestId();
		assertThat(send(fhirRequest("/Patient/" + id).header("X-Request-ID", delete).DELETE()).statusCode())
				.isEqualTo(200);

		assertThat(subtypes(single(auditsOf(create)))).containsExactly("create");
		assertThat(subtypes(single(auditsOf(update)))).containsExactly("update");
		AuditEvent deleted = single(auditsOf(delete));
		assertThat(subtypes(deleted)).containsExactly("delete");
		assertThat(deleted.getAction()).isEqualTo(AuditEvent.AuditEventAction.D);
		assertThat(patients(deleted)).containsExactly(fhirBase() + "/Patient/" + id);
	}

	@Test
	void operation_isRecordedWithItsNameAndThePatientsItsInputNames() throws Exception {
		String id = createPatient();
		Observation observation = new Observation().setStatus(ObservationStatus.FINAL)
				.setCode(new org.hl7.fhir.r4.model.CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")))
				.setSubject(new Reference("Patient/" + id));
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(observation);
		String requestId = requestId();

		HttpResponse<String> response = send(fhirRequest("/Observation/$validate").header("X-Request-ID", requestId)
				.header("Content-Type", FHIR_JSON).POST(json(in)));

		assertThat(response.statusCode()).isEqualTo(200);
		AuditEvent event = single(auditsOf(requestId));
		assertThat(subtypes(event)).containsExactly("operation", "$validate");
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
		assertThat(patients(event)).containsExactly(fhirBase() + "/Patient/" + id);
	}

	@Test
	void triageOfAPostedDenial_isRecordedAsAnOperation() throws Exception {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":["
				+ "{\"name\":\"denial\",\"resource\":" + classpath("/profiles/ClaimResponse-ocrevus-offlabel.json") + "},"
				+ "{\"name\":\"coverage\",\"resource\":" + classpath("/profiles/Coverage-maya-coverage.json") + "}]}";
		String requestId = requestId();

		HttpResponse<String> response = send(fhirRequest("/ClaimResponse/$triage").header("X-Request-ID", requestId)
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(subtypes(single(auditsOf(requestId)))).containsExactly("operation", "$triage");
	}

	/** A PAS submission is one event: the sender's patient by its URL there, and our copy — never our patient of the same id. */
	@Test
	void pasSubmission_isOneEvent_namingTheSendersPatientAndOurCopyOfIt() throws Exception {
		String client = "pas-audit-" + System.nanoTime();
		String token = tokens.jwt(claims -> claims.putAll(java.util.Map.of("client_id", client, "sub", client, "scope", "system/Claim.c")));
		String requestId = requestId();

		HttpResponse<String> response = send(fhirRequest("/Claim/$submit", token).header("X-Request-ID", requestId)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(classpath("/fixtures/davinci-pas-2.2.1/Bundle-ReferralAuthorizationBundleExample.json"))));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		AuditEvent event = single(auditsOf(requestId));
		assertThat(subtypes(event)).containsExactly("operation", "$submit");
		assertThat(patients(event)).contains("http://example.org/fhir/Patient/SubscriberExample")
				.anyMatch(patient -> patient.startsWith(fhirBase() + "/Patient/pas-"))
				.doesNotContain(fhirBase() + "/Patient/SubscriberExample");
	}

	private static String classpath(String path) throws java.io.IOException {
		try (java.io.InputStream in = AuditIT.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	@Test
	void refusedByScope_isRecordedAsMinorFailureWithWhatWasAttempted() throws Exception {
		String id = createPatient();
		String requestId = requestId();

		HttpResponse<String> response = send(fhirRequest("/Patient/" + id, tokens.system("system/Observation.rs"))
				.header("X-Request-ID", requestId).GET());

		assertThat(response.statusCode()).isEqualTo(403);
		AuditEvent event = single(auditsOf(requestId));
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(subtypes(event)).containsExactly("read");
		assertThat(patients(event)).containsExactly(fhirBase() + "/Patient/" + id);
		assertThat(agent(event, "110153").getWho().getIdentifier().getValue()).isEqualTo(TestTokens.EHR_CLIENT);
	}

	@Test
	void requestWithoutToken_isRecordedAsMinorFailureOfAnAnonymousClient() throws Exception {
		String requestId = requestId();

		HttpResponse<String> response = send(anonymousRequest("/Patient?name=Smith").header("X-Request-ID", requestId).GET());

		assertThat(response.statusCode()).isEqualTo(401);
		AuditEvent event = single(auditsOf(requestId));
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(subtypes(event)).containsExactly("search-type");
		assertThat(agent(event, "110153").getWho().getIdentifier().getValue()).isEqualTo(CallerAgents.ANONYMOUS);
	}

	@Test
	void capabilityStatement_isNotAudited() throws Exception {
		String requestId = requestId();

		assertThat(send(fhirRequest("/metadata").header("X-Request-ID", requestId).GET()).statusCode()).isEqualTo(200);

		assertThat(auditsOf(requestId)).isEmpty();
	}

	@Test
	void readingTheAuditTrail_isAuditedOnceWithoutLooping() throws Exception {
		String id = createPatient();
		client.read().resource(Patient.class).withId(id).execute();
		String requestId = requestId();

		HttpResponse<String> response = send(fhirRequest("/AuditEvent?entity=" + fhirBase() + "/Patient/" + id)
				.header("X-Request-ID", requestId).GET());

		assertThat(response.statusCode()).isEqualTo(200);
		Bundle trail = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
		assertThat(trail.getEntry()).as(response.body()).isNotEmpty();
		assertThat(auditsOf(requestId)).hasSize(1).allSatisfy(e -> assertThat(subtypes(e)).containsExactly("search-type"));
	}

	@Test
	void failedTransaction_leavesNeitherItsWritesNorTheirEvents_butRecordsTheFailure() throws Exception {
		String patientId = "audit-tx-" + UUID.randomUUID().toString().substring(0, 8);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(new Patient().setActive(true).setId(patientId))
				.getRequest().setMethod(HTTPVerb.PUT).setUrl("Patient/" + patientId);
		transaction.addEntry().setResource(new Observation().setStatus(ObservationStatus.FINAL)
						.setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("x"))
						.setSubject(new Reference("Patient/no-such-patient")))
				.getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");
		String requestId = requestId();

		HttpResponse<String> response = send(fhirRequest("").header("X-Request-ID", requestId)
				.header("Content-Type", FHIR_JSON).POST(json(transaction)));

		assertThat(response.statusCode()).isBetween(400, 499);
		assertNotStored(() -> daos.getResourceDao(Patient.class).read(new org.hl7.fhir.r4.model.IdType("Patient", patientId), new SystemRequestDetails()));
		AuditEvent failure = single(auditsOf(requestId));
		assertThat(subtypes(failure)).containsExactly("transaction");
		assertThat(failure.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
	}

	/**
	 * The proof that an event joins the transaction of the change: a storage hook that runs after BALP's
	 * sees the event stored in the same transaction as the patient, then fails it; afterwards neither exists.
	 */
	@Test
	void writeRolledBackAfterItsEventWasStored_takesTheEventWithIt() throws Exception {
		TransactionProbe probe = new TransactionProbe(entityManagerFactory);
		Patient patient = new Patient().setActive(true);
		patient.getMeta().addTag(FAIL_TAG, "yes", null);
		String requestId = requestId();
		storage.registerInterceptor(probe);
		HttpResponse<String> response;
		try {
			response = send(fhirRequest("/Patient").header("X-Request-ID", requestId)
					.header("Content-Type", FHIR_JSON).POST(json(patient)));
		} finally {
			storage.unregisterInterceptor(probe);
		}

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(probe.transactions.get("Patient")).isNotNull();
		assertThat(probe.transactions.get("AuditEvent")).isSameAs(probe.transactions.get("Patient"));
		AuditEvent failure = single(auditsOf(requestId));
		assertThat(subtypes(failure)).containsExactly("create");
		assertThat(failure.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
	}

	/** Notes which transaction each write of the request ran in, and fails the tagged patient after BALP's hook. */
	@Interceptor
	public static class TransactionProbe {
		final Map<String, Object> transactions = new java.util.concurrent.ConcurrentHashMap<>();
		private final EntityManagerFactory entityManagerFactory;

		TransactionProbe(EntityManagerFactory entityManagerFactory) {
			this.entityManagerFactory = entityManagerFactory;
		}

		@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = 1000)
		public void created(IBaseResource resource) {
			boolean tagged = resource.getMeta().getTag(FAIL_TAG, "yes") != null;
			if (tagged || resource instanceof AuditEvent) {
				// the first AuditEvent is BALP's; the failure is recorded later, after the rollback
				transactions.putIfAbsent(resource.fhirType(), TransactionSynchronizationManager.getResource(entityManagerFactory));
			}
			if (tagged) {
				throw new UnprocessableEntityException("probe: fails after the audit event was stored");
			}
		}
	}

	private String createPatient() {
		return client.create().resource(new Patient().setActive(true)).execute().getId().getIdPart();
	}

	private static String requestId() {
		return "audit" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
	}

	private HttpRequest.BodyPublisher json(Resource resource) {
		return BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(resource));
	}

	/** The events recorded for one request, read as the system so that reading them is not audited. */
	private List<AuditEvent> auditsOf(String requestId) {
		SearchParameterMap map = SearchParameterMap.newSynchronous();
		map.setLastUpdated(new DateRangeParam(start, null));
		List<AuditEvent> events = new ArrayList<>();
		for (IBaseResource resource : daos.getResourceDao(AuditEvent.class).search(map, new SystemRequestDetails()).getAllResources()) {
			AuditEvent event = (AuditEvent) resource;
			if (event.getEntity().stream().anyMatch(e -> requestId.equals(e.getWhat().getIdentifier().getValue()))) {
				events.add(event);
			}
		}
		return events;
	}

	private static AuditEvent single(List<AuditEvent> events) {
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private static List<String> subtypes(AuditEvent event) {
		return event.getSubtype().stream().map(Coding::getCode).toList();
	}

	private static List<String> patients(AuditEvent event) {
		return event.getEntity().stream()
				.filter(e -> "1".equals(e.getRole().getCode()))
				.map(AuditEventEntityComponent::getWhat)
				.map(what -> new org.hl7.fhir.r4.model.IdType(what.getReference()).toVersionless().getValue())
				.toList();
	}

	private static AuditEventAgentComponent agent(AuditEvent event, String type) {
		return event.getAgent().stream()
				.filter(a -> a.getType().getCoding().stream().anyMatch(c -> type.equals(c.getCode())))
				.findFirst()
				.orElseThrow();
	}

	private static AuditEventAgentComponent requestor(AuditEvent event) {
		return event.getAgent().stream().filter(AuditEventAgentComponent::getRequestor).findFirst().orElseThrow();
	}

	private static void assertNotStored(ThrowingCallable read) {
		org.assertj.core.api.Assertions.assertThatThrownBy(read).isInstanceOf(ResourceNotFoundException.class);
	}
}
