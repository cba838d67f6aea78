package dev.recourse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.recourse.criteria.CriteriaMapItems;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.RecourseInstance;
import dev.recourse.support.TestTokens;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The README's run command, proven: a Recourse started as {@code mvn spring-boot:run} starts it (the dev-issuer profile,
 * the demo on, an embedded H2 database of its own, a fixed port) loads the demo denials and opens their cases; each case
 * goes pull from the demo EHR over HTTP (SMART Backend Services at the development issuer) → criteria map → the
 * specialist's answers → letter → the prescriber's signature → packet; one is submitted to the demo payer (this same
 * server's payer side), decided by the payer's reviewer and the decision notification closes it; loading again changes
 * nothing. The shared test server, with the demo off, has none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoFlowIT extends FhirIntegrationTest {
	private static final String PRESCRIBER = "Practitioner/ReferralPractitionerExample";
	private static final String PCSK9 = "case-demo-pcsk9-denial";
	/** Each demo case and the prior therapies its pull must find: ingredient → outcome. */
	private static final Map<String, Map<String, String>> THERAPIES = Map.of(
			"case-demo-ms-denial", Map.of("fingolimod", "stopped-inefficacy"),
			"case-demo-ra-denial", Map.of("methotrexate", "stopped-allergy"),
			PCSK9, Map.of("atorvastatin", "stopped-adverse-event", "rosuvastatin", "stopped-adverse-event"));
	private static final Duration PATIENCE = Duration.ofSeconds(60);
	private static RecourseInstance demo;
	private static DemoCalls calls;

	@Autowired
	ApplicationContext sharedServer;

	@BeforeAll
	static void embeddedDefault() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		demo = RecourseInstance.startEmbeddedDefault("recourse-demo", Map.of(
				"server.port", String.valueOf(port),
				"spring.datasource.url", "jdbc:h2:mem:recourse-demo;DB_CLOSE_DELAY=-1",
				// the prescriber's login (the SMART app's) stands in as a token of the test issuer
				"recourse.security.issuers[0].issuer", ISSUER.url(),
				"recourse.security.issuers[0].jwk-set-uri", ISSUER.jwksUrl()));
		calls = new DemoCalls("http://localhost:" + port, ca.uhn.fhir.context.FhirContext.forR4Cached());
	}

	@AfterAll
	static void stopDemo() {
		if (demo != null) {
			demo.close();
		}
	}

	@Test
	@Order(1)
	void worklist_theDemoDenials_dueSoonestFirst_oneWithin48Hours() throws Exception {
		String token = devToken();
		Bundle worklist = calls.read("/fhir/Task?code=recourse-case&status=ready,in-progress&_sort=deadline", Bundle.class, token);

		List<Task> cases = worklist.getEntry().stream().map(entry -> (Task) entry.getResource()).toList();
		assertThat(cases).extracting(task -> task.getIdElement().getIdPart())
				.containsExactly(PCSK9, "case-demo-ms-denial", "case-demo-ra-denial");
		LocalDate today = LocalDate.now();
		assertThat(deadline(cases.get(0))).as("due within 48 hours").isBetween(today, today.plusDays(1));
		assertThat(deadline(cases.get(1))).isAfter(today.plusDays(150));
		for (Task caseTask : cases) {
			ClaimResponse denial = calls.read("/fhir/" + caseTask.getFocus().getReference(), ClaimResponse.class, token);
			assertThat(LocalDate.parse(denial.getCreatedElement().getValueAsString())).as("a denial of the past").isBefore(today);
			calls.read("/fhir/" + denial.getRequest().getReference(), Claim.class, token);
		}
	}

	@Test
	@Order(2)
	void demoEhr_answersBackendServicesOnly() throws Exception {
		assertThat(calls.get("/demo-ehr/fhir/Patient/85", null).statusCode()).isEqualTo(401);
		assertThat(calls.get("/demo-ehr/fhir/Patient/85", prescriberToken()).statusCode()).isEqualTo(403);
		assertThat(calls.read("/demo-ehr/fhir/Patient/85", Patient.class, devToken()).getBirthDateElement().getValueAsString()).isEqualTo("1940-03-29");
	}

	@Test
	@Order(3)
	void eachCase_pulledMappedSignedAndAssembled() throws Exception {
		String token = devToken();
		for (Map.Entry<String, Map<String, String>> expected : THERAPIES.entrySet()) {
			String caseId = expected.getKey();
			Parameters pulled = calls.operation("/fhir/Task/" + caseId + "/$pull-history", Parameters.class, token);
			assertThat(therapyOutcomes(pulled)).as(caseId).containsAllEntriesOf(expected.getValue());
			Task caseTask = calls.read("/fhir/Task/" + caseId, Task.class, token);
			Patient patient = calls.read("/fhir/" + caseTask.getFor().getReference(), Patient.class, token);
			assertThat(patient.getIdentifier()).as("found at the demo EHR, over HTTP")
					.anyMatch(id -> id.getValue().startsWith(calls.root() + "/demo-ehr/fhir/Patient/"));

			QuestionnaireResponse map = calls.operation("/fhir/Task/" + caseId + "/$map-criteria", QuestionnaireResponse.class, token);
			answerOpenCriteria(map, token);
			DocumentReference draft = calls.operation("/fhir/Task/" + caseId + "/$draft-letter", DocumentReference.class, token);
			DocumentReference signed = calls.operation("/fhir/DocumentReference/" + draft.getIdElement().getIdPart() + "/$sign",
					DocumentReference.class, prescriberToken());
			assertThat(signed.getAuthenticator().getReference()).isEqualTo(PRESCRIBER);
			Bundle packet = calls.operation("/fhir/Task/" + caseId + "/$assemble", Bundle.class, token);
			assertThat(packet.getEntryFirstRep().getResource()).as(caseId).isInstanceOf(Claim.class);
		}
	}

	@Test
	@Order(4)
	void oneCase_submittedToTheDemoPayer_decided_andTheNotificationClosesIt() throws Exception {
		String token = devToken();
		eventually("the provider's subscription at the demo payer", () ->
				calls.read("/fhir/Task/payer-subscription-demo-payer", Task.class, token).getStatus() == Task.TaskStatus.COMPLETED);

		Bundle answer = calls.operation("/fhir/Task/" + PCSK9 + "/$submit", Bundle.class, token);
		String received = ((ClaimResponse) answer.getEntryFirstRep().getResource()).getIdElement().getIdPart();
		assertThat(stage(token)).isEqualTo("under-review");

		String reviewer = calls.token("recourse-demo-reviewer", "recourse-demo-reviewer-secret", "system/Claim.rs system/ClaimResponse.rs system/ClaimResponse.u");
		String claim = calls.read("/fhir/ClaimResponse/" + received, ClaimResponse.class, reviewer).getRequest().getReference();
		Parameters decision = new Parameters();
		decision.addParameter().setName("decision").setValue(new CodeType("A1"));
		decision.addParameter().setName("note").setValue(new org.hl7.fhir.r4.model.StringType("Approved on appeal: statin intolerance documented."));
		calls.ok(calls.post("/fhir/" + claim + "/$decide", decision, reviewer), ClaimResponse.class);

		eventually("the case approved by the notified decision", () -> "approved".equals(stage(token)));
		assertThat(calls.read("/fhir/Task/" + PCSK9, Task.class, token).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
	}

	@Test
	@Order(5)
	void loadingAgain_noDuplicates_andWorkedCasesStayAsTheyAre() throws Exception {
		String token = devToken();
		Map<String, String> before = caseVersions(token);

		demo.bean(DemoStartup.class).load();

		assertThat(caseVersions(token)).isEqualTo(before).hasSize(3);
		assertThat(calls.read("/fhir/Task/" + PCSK9, Task.class, token).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
	}

	@Test
	void sharedServer_demoOff_noneOfItThere() throws Exception {
		assertThat(sharedServer.getBeansOfType(DemoCases.class)).isEmpty();
		assertThat(sharedServer.getBeansOfType(DemoChart.class)).isEmpty();
		assertThat(send(fhirRequest("/Endpoint/demo-ehr")).statusCode()).isEqualTo(404);
		assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(serverRoot() + "/demo/jwks.json"))).statusCode())
				.as("no public JWKS: the API's token check answers").isEqualTo(401);
	}

	// --- steps

	private static String devToken() throws Exception {
		return calls.token("recourse-dev", "recourse-dev-secret", "system/*.cruds");
	}

	/** The demo's prescriber, Dr. Watson, logged in (the SMART app's login, here a token of the test issuer). */
	private static String prescriberToken() {
		return new TestTokens(ISSUER, calls.fhirBase()).user(PRESCRIBER, "user/*.cruds");
	}

	/** The specialist answers what the chart left open (yes) or found not met (confirmed no), as overrides by the prescriber. */
	private static void answerOpenCriteria(QuestionnaireResponse map, String token) throws Exception {
		for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : map.getItem()) {
			String status = CriteriaMapItems.status(item);
			if (CriteriaMapItems.criterionId(item).isEmpty() || status.equals("met")) {
				continue;
			}
			boolean met = !status.equals("not-met");
			item.getExtension().removeIf(extension -> extension.getUrl().endsWith("/criterion-status"));
			item.getAnswer().clear();
			QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = item.addAnswer().setValue(new BooleanType(met));
			Extension origin = answer.addExtension().setUrl(CriteriaMapItems.INFORMATION_ORIGIN);
			origin.addExtension("source", new CodeType("override"));
			origin.addExtension().setUrl("author").addExtension("practitioner", new Reference(PRESCRIBER));
			answer.addExtension("http://recourse.dev/fhir/StructureDefinition/criterion-status",
					new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/criterion-status", met ? "met" : "not-met", null)));
		}
		calls.ok(calls.put("/fhir/QuestionnaireResponse/" + map.getIdElement().getIdPart(), map, token), QuestionnaireResponse.class);
	}

	private static String stage(String token) throws Exception {
		return calls.read("/fhir/Task/" + PCSK9, Task.class, token).getBusinessStatus().getCodingFirstRep().getCode();
	}

	private static Map<String, String> caseVersions(String token) throws Exception {
		Bundle cases = calls.read("/fhir/Task?code=recourse-case&_count=50", Bundle.class, token);
		return cases.getEntry().stream().map(entry -> entry.getResource())
				.collect(Collectors.toMap(task -> task.getIdElement().getIdPart(), task -> task.getMeta().getVersionId()));
	}

	private static LocalDate deadline(Task caseTask) {
		return LocalDate.parse(caseTask.getRestriction().getPeriod().getEndElement().getValueAsString().substring(0, 10));
	}

	/** Ingredient (lower case) → outcome code, per prior-therapy episode of the pull. */
	private static Map<String, String> therapyOutcomes(Parameters pulled) {
		return pulled.getParameters("priorTherapy").stream().collect(Collectors.toMap(
				therapy -> ((Coding) part(therapy, "medication")).getDisplay().toLowerCase(),
				therapy -> ((Coding) part(therapy, "outcome")).getCode(), (first, second) -> second));
	}

	private static org.hl7.fhir.r4.model.Type part(Parameters.ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(part -> part.getName().equals(name)).findFirst().orElseThrow().getValue();
	}

	private static void eventually(String what, Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.call()) {
			if (System.nanoTime() > deadline) {
				fail("not within " + PATIENCE.toSeconds() + " s: " + what);
			}
			Thread.sleep(200);
		}
	}
}
