package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what: three kinds of client (the EHR as a backend service, the SMART app in one patient's
 * context, the SMART app for a user) × resource types × verbs × own and other patient. Patient A's app
 * must never reach patient B. Data: {@code fixtures/authz/Bundle-authz-patients.json}, reloaded before
 * every case so that writes in one case cannot change another's outcome.
 */
class AuthorizationMatrixIT extends FhirIntegrationTest {
	private static final String A = "authz-a";
	private static final String B = "authz-b";
	/** Well-formed, authorized or not, and refused for what it is: a transaction, not a PAS collection. */
	private static final String NOT_A_PAS_REQUEST = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}";

	@BeforeEach
	void loadPatients() throws Exception {
		String bundle = Files.readString(Path.of("src/test/resources/fixtures/authz/Bundle-authz-patients.json"));
		HttpResponse<String> response = send(fhirRequest("").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(bundle)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void matrix(Case c) throws Exception {
		HttpRequest.Builder request = fhirRequest(c.path(), c.token().apply(tokens)).header("Content-Type", FHIR_JSON);
		request = switch (c.method()) {
			case "GET" -> request.GET();
			case "DELETE" -> request.DELETE();
			default -> request.method(c.method(), HttpRequest.BodyPublishers.ofString(c.body()));
		};

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
		if (c.status() == 403) {
			assertThat(response.body()).contains("\"forbidden\"");
		}
		for (String present : c.mustContain()) {
			assertThat(response.body()).contains(present);
		}
		for (String absent : c.mustNotContain()) {
			assertThat(response.body()).doesNotContain(absent);
		}
	}

	record Case(String name, Function<TestTokens, String> token, String method, String path, String body, int status,
			List<String> mustContain, List<String> mustNotContain) {
		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Case> cases() {
		return Stream.of(
				// --- SMART app, patient A's context, patient/*.rs --------------------------------------------
				get("patient app reads own Patient", patientA("patient/*.rs"), "/Patient/" + A, 200),
				get("patient app reads other Patient", patientA("patient/*.rs"), "/Patient/" + B, 403),
				get("patient app reads own Observation", patientA("patient/*.rs"), "/Observation/authz-a-lab", 200),
				get("patient app reads other's Observation", patientA("patient/*.rs"), "/Observation/authz-b-lab", 403),
				get("patient app searches own Observations", patientA("patient/*.rs"), "/Observation?patient=" + A, 200),
				get("patient app searches other's Observations", patientA("patient/*.rs"), "/Observation?patient=" + B, 403),
				search("patient app search without patient is narrowed to own", patientA("patient/*.rs"), "/Observation",
						List.of("authz-a-lab", "authz-a-vital"), List.of("authz-b-lab")),
				get("patient app reads own Condition", patientA("patient/*.rs"), "/Condition/authz-a-cond", 200),
				get("patient app reads other's Condition", patientA("patient/*.rs"), "/Condition/authz-b-cond", 403),
				get("patient app reads own denial", patientA("patient/*.rs"), "/ClaimResponse/authz-a-denial", 200),
				get("patient app reads other's denial", patientA("patient/*.rs"), "/ClaimResponse/authz-b-denial", 403),
				get("patient app reads own case Task", patientA("patient/*.rs"), "/Task/authz-a-case", 200),
				get("patient app reads other's case Task", patientA("patient/*.rs"), "/Task/authz-b-case", 403),
				search("patient app Task search is narrowed to own", patientA("patient/*.rs"), "/Task",
						List.of("authz-a-case"), List.of("authz-b-case")),
				get("patient app reads reference data (Practitioner)", patientA("patient/*.rs"), "/Practitioner/authz-prac", 200),
				write("patient app with read scopes cannot create", patientA("patient/*.rs"), "POST", "/Observation", observation(A), 403),
				delete("patient app with read scopes cannot delete", patientA("patient/*.rs"), "/Observation/authz-a-lab", 403),
				get("patient app cannot read the audit trail", patientA("patient/*.rs"), "/AuditEvent", 403),
				// --- v2 narrowing and exact verbs ---------------------------------------------------------------
				get("lab-only scope reads own lab", patientA("patient/Observation.rs?category=laboratory"), "/Observation/authz-a-lab", 200),
				get("lab-only scope cannot read own vital sign", patientA("patient/Observation.rs?category=laboratory"),
						"/Observation/authz-a-vital", 403),
				search("lab-only scope search is narrowed to labs",
						patientA("patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory"),
						"/Observation?patient=" + A, List.of("authz-a-lab"), List.of("authz-a-vital")),
				get("lab-only scope cannot count vital signs", patientA("patient/Observation.rs?category=laboratory"),
						"/Observation?patient=" + A + "&category=vital-signs&_summary=count", 403),
				get("lab-only scope may ask for labs", patientA("patient/Observation.rs?category=laboratory"),
						"/Observation?patient=" + A + "&category=http://terminology.hl7.org/CodeSystem/observation-category%7Claboratory", 200),
				get("Observation scope cannot read Condition", patientA("patient/Observation.rs"), "/Condition/authz-a-cond", 403),
				get("v1 patient/Observation.read searches", patientA("patient/Observation.read"), "/Observation?patient=" + A, 200),
				get("r without s reads", patientA("patient/Observation.r"), "/Observation/authz-a-lab", 200),
				get("r without s cannot search", patientA("patient/Observation.r"), "/Observation?patient=" + A, 403),
				get("s without r searches", patientA("patient/Observation.s"), "/Observation?patient=" + A, 200),
				get("s without r cannot read", patientA("patient/Observation.s"), "/Observation/authz-a-lab", 403),
				write("patient app creates for own patient", patientA("patient/Observation.cru"), "POST", "/Observation", observation(A), 201),
				write("patient app cannot create for other patient", patientA("patient/Observation.cru"), "POST", "/Observation",
						observation(B), 403),
				write("patient app updates own Observation", patientA("patient/Observation.cru"), "PUT", "/Observation/authz-a-lab",
						observation(A, "authz-a-lab"), 200),
				write("patient app cannot update other's Observation", patientA("patient/Observation.cru"), "PUT",
						"/Observation/authz-b-lab", observation(B, "authz-b-lab"), 403),
				write("patient app cannot move own Observation to other patient", patientA("patient/Observation.cru"), "PUT",
						"/Observation/authz-a-lab", observation(B, "authz-a-lab"), 403),
				write("c without u cannot update", patientA("patient/Observation.cr"), "PUT", "/Observation/authz-a-lab",
						observation(A, "authz-a-lab"), 403),
				write("u without c cannot create", patientA("patient/Observation.ru"), "POST", "/Observation", observation(A), 403),
				delete("cru without d cannot delete", patientA("patient/Observation.cru"), "/Observation/authz-a-lab", 403),
				delete("patient app deletes own Observation with d", patientA("patient/Observation.d"), "/Observation/authz-a-vital", 200),
				delete("patient app cannot delete other's Observation", patientA("patient/Observation.d"), "/Observation/authz-b-lab", 403),
				write("patient scope without launch patient grants nothing", t -> t.user("Practitioner/p1", "patient/*.rs"), "GET",
						"/Observation/authz-a-lab", null, 403),
				// --- SMART app for a user, no patient context ------------------------------------------------------
				get("user app reads any patient's case", t -> t.user("Practitioner/p1", "user/Task.rs"), "/Task/authz-b-case", 200),
				get("user app without Observation scope", t -> t.user("Practitioner/p1", "user/Task.rs"), "/Observation/authz-a-lab", 403),
				write("user app with rs cannot create Task", t -> t.user("Practitioner/p1", "user/Task.rs"), "POST", "/Task", task(A), 403),
				write("user app with cruds creates Task", t -> t.user("Practitioner/p1", "user/Task.cruds"), "POST", "/Task", task(B), 201),
				write("v1 user/Task.write creates Task", t -> t.user("Practitioner/p1", "user/Task.write"), "POST", "/Task", task(B), 201),
				get("v1 user/Task.write cannot read", t -> t.user("Practitioner/p1", "user/Task.write"), "/Task/authz-a-case", 403),
				// --- EHR backend service ---------------------------------------------------------------------------
				get("EHR reads any patient's Observation", t -> t.system("system/Observation.rs"), "/Observation/authz-b-lab", 200),
				get("EHR with Observation scope cannot read Patient", t -> t.system("system/Observation.rs"), "/Patient/" + A, 403),
				write("EHR with rs cannot create", t -> t.system("system/Observation.rs"), "POST", "/Observation", observation(A), 403),
				write("EHR with cruds creates Condition", t -> t.system("system/*.cruds"), "POST", "/Condition", condition(B), 201),
				delete("EHR with cruds deletes", t -> t.system("system/*.cruds"), "/Condition/authz-b-cond", 200),
				get("v1 system/*.read searches", t -> t.system("system/*.read"), "/Observation?patient=" + B, 200),
				write("v1 system/*.read cannot write", t -> t.system("system/*.read"), "POST", "/Condition", condition(B), 403),
				get("wildcard scope does not open the audit trail", t -> t.system("system/*.cruds"), "/AuditEvent", 403),
				get("AuditEvent scope opens the audit trail", t -> t.system("system/AuditEvent.rs"), "/AuditEvent", 200),
				write("nobody writes the audit trail", t -> t.system("system/*.cruds", "system/AuditEvent.cruds"), "POST", "/AuditEvent",
						"{\"resourceType\":\"AuditEvent\",\"type\":{\"code\":\"rest\"},\"recorded\":\"2026-11-01T00:00:00Z\","
								+ "\"agent\":[{\"requestor\":true}],\"source\":{\"observer\":{\"display\":\"x\"}}}", 403),
				// --- operations and transactions -------------------------------------------------------------------
				write("$triage needs a ClaimResponse scope", t -> t.system("system/Task.cruds"), "POST",
						"/ClaimResponse/authz-a-denial/$triage", "{\"resourceType\":\"Parameters\"}", 403),
				write("patient app cannot triage other's denial", patientA("patient/ClaimResponse.rs"), "POST",
						"/ClaimResponse/authz-b-denial/$triage", "{\"resourceType\":\"Parameters\"}", 403),
				write("$open-case needs Task create and update", patientA("patient/ClaimResponse.rs patient/Task.r"), "POST",
						"/ClaimResponse/authz-a-denial/$open-case", "{\"resourceType\":\"Parameters\"}", 403),
				write("patient app cannot open a case on other's denial", patientA("patient/ClaimResponse.rs patient/Task.cru"), "POST",
						"/ClaimResponse/authz-b-denial/$open-case", "{\"resourceType\":\"Parameters\"}", 403),
				get("payer client calls a payer operation", t -> t.payer("system/Claim.rs"), "/$probe-payer", 200),
				get("EHR cannot call a payer operation", t -> t.system("system/*.cruds"), "/$probe-payer", 403),
				get("payer client needs a system scope", t -> t.jwt(c -> c.putAll(java.util.Map.of("client_id", TestTokens.PAYER_CLIENT,
						"scope", "user/Claim.rs"))), "/$probe-payer", 403),
				get("an operation without access declarations is refused to all", t -> t.system("system/*.cruds"), "/$probe-undeclared", 403),
				// PAS's payer-side operations are for systems (the provider's EHR or intermediary), not apps
				write("a system with Claim.c reaches Claim/$submit", t -> t.system("system/Claim.c"), "POST", "/Claim/$submit",
						NOT_A_PAS_REQUEST, 422),
				write("a patient app cannot call Claim/$submit", patientA("patient/Claim.c"), "POST", "/Claim/$submit", NOT_A_PAS_REQUEST, 403),
				write("a user app cannot call Claim/$submit", t -> t.user("Practitioner/p1", "user/Claim.c"), "POST", "/Claim/$submit",
						NOT_A_PAS_REQUEST, 403),
				write("Claim/$inquire needs s on ClaimResponse", t -> t.system("system/Claim.crus"), "POST", "/Claim/$inquire",
						NOT_A_PAS_REQUEST, 403),
				write("a system with ClaimResponse.s reaches Claim/$inquire", t -> t.system("system/ClaimResponse.s"), "POST",
						"/Claim/$inquire", NOT_A_PAS_REQUEST, 422),
				write("transaction entry for other patient fails the whole transaction", patientA("patient/Observation.cru"), "POST", "",
						transaction(observation(A), observation(B)), 403),
				write("batch GET entry of other patient's data is refused", patientA("patient/*.rs"), "POST", "",
						"{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"Observation/authz-b-lab\"}},"
								+ "{\"request\":{\"method\":\"GET\",\"url\":\"Observation/authz-a-lab\"}}]}",
						200, List.of("\"403"), ids(List.of("authz-b-lab"))));
	}

	private static Function<TestTokens, String> patientA(String scopes) {
		return t -> t.patient(A, scopes.split(" "));
	}

	private static Case get(String name, Function<TestTokens, String> token, String path, int status) {
		return new Case(name, token, "GET", path, null, status, List.of(), List.of());
	}

	private static Case search(String name, Function<TestTokens, String> token, String path, List<String> present, List<String> absent) {
		return new Case(name, token, "GET", path, null, 200, ids(present), ids(absent));
	}

	/** Resources in a response, as opposed to references to them. */
	private static List<String> ids(List<String> ids) {
		return ids.stream().map(id -> "\"id\":\"" + id + "\"").toList();
	}

	private static Case delete(String name, Function<TestTokens, String> token, String path, int status) {
		return new Case(name, token, "DELETE", path, null, status, List.of(), List.of());
	}

	private static Case write(String name, Function<TestTokens, String> token, String method, String path, String body, int status) {
		return new Case(name, token, method, path, body, status, List.of(), List.of());
	}

	private static Case write(String name, Function<TestTokens, String> token, String method, String path, String body, int status,
			List<String> present, List<String> absent) {
		return new Case(name, token, method, path, body, status, present, absent);
	}

	static String observation(String patient) {
		return observation(patient, null);
	}

	static String observation(String patient, String id) {
		return "{\"resourceType\":\"Observation\"," + (id == null ? "" : "\"id\":\"" + id + "\",")
				+ "\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
				+ "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"laboratory\"}]}],"
				+ "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2345-7\"}]},"
				+ "\"subject\":{\"reference\":\"Patient/" + patient + "\"}}";
	}

	private static String condition(String patient) {
		return "{\"resourceType\":\"Condition\",\"code\":{\"text\":\"Multiple sclerosis\"},\"subject\":{\"reference\":\"Patient/"
				+ patient + "\"}}";
	}

	private static String task(String patient) {
		return "{\"resourceType\":\"Task\",\"status\":\"ready\",\"intent\":\"order\",\"for\":{\"reference\":\"Patient/" + patient + "\"}}";
	}

	private static String transaction(String... resources) {
		StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
		for (int i = 0; i < resources.length; i++) {
			bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources[i])
					.append(",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}");
		}
		return bundle.append("]}").toString();
	}
}
