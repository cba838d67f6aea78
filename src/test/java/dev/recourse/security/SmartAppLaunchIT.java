package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.SmartAppBrowser;
import dev.recourse.support.SmartAppBrowser.Pkce;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMART app's road through the development issuer over real HTTP, hop by hop as a browser takes it: the EHR
 * launcher, the authorization endpoint, the login form, the code, the token, and the API with that token.
 */
class SmartAppLaunchIT extends FhirIntegrationTest {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String EHR_SCOPES = "launch openid fhirUser online_access user/*.cruds";
	private static final String STANDALONE_SCOPES = "launch/patient openid fhirUser user/*.cruds";

	private SmartAppBrowser browser;

	@BeforeEach
	void newBrowser() {
		browser = new SmartAppBrowser(serverRoot());
	}

	@Test
	void ehrLaunch_endToEnd_givesATokenForTheUserAndPatientThatReadsTheApi() throws Exception {
		String patientId = patient();

		HttpResponse<String> launcher = browser.get(serverRoot() + "/dev-ehr/launch?patient=" + patientId);
		assertThat(launcher.statusCode()).isEqualTo(302);
		String appLaunch = SmartAppBrowser.location(launcher);
		assertThat(appLaunch).startsWith(serverRoot() + "/app/launch.html?");
		assertThat(SmartAppBrowser.parameter(appLaunch, "iss")).contains(fhirBase());
		String launch = SmartAppBrowser.parameter(appLaunch, "launch").orElseThrow();

		Pkce pkce = Pkce.create();
		String authorize = browser.authorizeUrl(EHR_SCOPES, pkce, Map.of("launch", launch));
		HttpResponse<String> notLoggedIn = browser.get(authorize);
		assertThat(notLoggedIn.statusCode()).isEqualTo(302);
		assertThat(SmartAppBrowser.location(notLoggedIn)).isEqualTo(serverRoot() + "/login");

		HttpResponse<String> loginPage = browser.get(serverRoot() + "/login");
		assertThat(loginPage.statusCode()).isEqualTo(200);
		assertThat(loginPage.body()).contains("name=\"username\"").contains("name=\"password\"");
		assertThat(browser.get(serverRoot() + "/default-ui.css").statusCode()).as("the login page's style sheet").isEqualTo(200);
		HttpResponse<String> loggedIn = browser.postForm(serverRoot() + "/login", Map.of("username", SmartAppBrowser.USERNAME,
				"password", SmartAppBrowser.PASSWORD, "_csrf", SmartAppBrowser.csrf(loginPage.body())));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		String backToAuthorize = SmartAppBrowser.location(loggedIn);
		assertThat(backToAuthorize).startsWith(serverRoot() + "/oauth2/authorize?");

		HttpResponse<String> authorized = browser.get(backToAuthorize);
		assertThat(authorized.statusCode()).isEqualTo(302);
		String toApp = SmartAppBrowser.location(authorized);
		assertThat(toApp).startsWith(browser.redirectUri() + "?");
		assertThat(SmartAppBrowser.parameter(toApp, "state")).contains(SmartAppBrowser.parameter(authorize, "state").orElseThrow());
		String code = SmartAppBrowser.parameter(toApp, "code").orElseThrow();

		HttpResponse<String> exchanged = browser.token(code, pkce.verifier());
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		JsonNode token = JSON.readTree(exchanged.body());
		assertThat(token.path("patient").asText()).isEqualTo(patientId);
		assertThat(token.path("need_patient_banner").isBoolean()).isTrue();
		assertThat(token.path("need_patient_banner").asBoolean()).isFalse();
		assertThat(token.path("scope").asText().split(" ")).containsExactlyInAnyOrder(EHR_SCOPES.split(" "));
		assertThat(token.path("id_token").asText()).isNotBlank();

		String accessToken = token.path("access_token").asText();
		JWTClaimsSet access = claims(accessToken);
		assertThat(access.getStringClaim("fhirUser")).isEqualTo(fhirBase() + "/" + SmartAppBrowser.FHIR_USER);
		assertThat(access.getStringClaim("patient")).isEqualTo(patientId);
		assertThat(access.getStringClaim("client_id")).isEqualTo(SmartAppBrowser.CLIENT_ID);
		assertThat(access.getStringClaim("scope")).isEqualTo(token.path("scope").asText());
		assertThat(access.getAudience()).containsExactly(fhirBase());
		JWTClaimsSet id = claims(token.path("id_token").asText());
		assertThat(id.getStringClaim("fhirUser")).isEqualTo(fhirBase() + "/" + SmartAppBrowser.FHIR_USER);
		assertThat(id.getAudience()).containsExactly(SmartAppBrowser.CLIENT_ID);

		HttpResponse<String> tasks = send(fhirRequest("/Task", accessToken));
		assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
		HttpResponse<String> ownPatient = send(fhirRequest("/Patient/" + patientId, accessToken));
		assertThat(ownPatient.statusCode()).as(ownPatient.body()).isEqualTo(200);
	}

	@Test
	void standaloneLaunch_hasNoPatient() throws Exception {
		JsonNode token = browser.authorizeAndExchange(STANDALONE_SCOPES, Map.of());

		assertThat(token.has("patient")).isFalse();
		assertThat(token.has("need_patient_banner")).isFalse();
		JWTClaimsSet access = claims(token.path("access_token").asText());
		assertThat(access.getClaim("patient")).isNull();
		assertThat(access.getStringClaim("fhirUser")).isEqualTo(fhirBase() + "/" + SmartAppBrowser.FHIR_USER);
		assertThat(send(fhirRequest("/Task", token.path("access_token").asText())).statusCode()).isEqualTo(200);
	}

	@Test
	void codeExchange_withoutOrWithAWrongVerifier_isInvalidGrant() throws Exception {
		assertThat(browser.logIn(SmartAppBrowser.USERNAME, SmartAppBrowser.PASSWORD).statusCode()).isEqualTo(302);

		HttpResponse<String> noVerifier = browser.token(code(Pkce.create()), null);
		HttpResponse<String> wrongVerifier = browser.token(code(Pkce.create()), Pkce.create().verifier());

		for (HttpResponse<String> refused : java.util.List.of(noVerifier, wrongVerifier)) {
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
			assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("invalid_grant");
		}
	}

	@Test
	void redirectUriOnAnotherOrigin_isRefusedWithoutARedirect() throws Exception {
		for (String elsewhere : new String[] {"https://attacker.example/app/", serverRoot() + "/app/other.html",
				"http://127.0.0.1:" + port + "/app/"}) {
			HttpResponse<String> refused = browser.get(browser.authorizeUrl(EHR_SCOPES, Pkce.create(), Map.of("redirect_uri", elsewhere)));

			assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
			assertThat(refused.headers().firstValue("Location")).as(elsewhere).isEmpty();
		}
	}

	@Test
	void wrongPassword_leadsBackToTheLoginFormWithAnError_andNoCode() throws Exception {
		HttpResponse<String> refused = browser.logIn(SmartAppBrowser.USERNAME, "guess");

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(SmartAppBrowser.location(refused)).isEqualTo(serverRoot() + "/login?error");
		assertThat(browser.get(serverRoot() + "/login?error").body()).contains("role=\"alert\"").contains("Invalid credentials");
		HttpResponse<String> authorize = browser.get(browser.authorizeUrl(EHR_SCOPES, Pkce.create(), Map.of()));
		assertThat(SmartAppBrowser.location(authorize)).isEqualTo(serverRoot() + "/login");
	}

	@Test
	void loginSession_authorizesNoApiCall() throws Exception {
		assertThat(browser.logIn(SmartAppBrowser.USERNAME, SmartAppBrowser.PASSWORD).statusCode()).isEqualTo(302);

		HttpResponse<String> withCookieOnly = browser.get(fhirBase() + "/Task");

		assertThat(withCookieOnly.statusCode()).isEqualTo(401);
		assertThat(withCookieOnly.headers().firstValue("Set-Cookie")).as("the API chain makes no session").isEmpty();
	}

	@Test
	void unknownLaunch_isInvalidRequestAtTheRedirectUri() throws Exception {
		Pkce pkce = Pkce.create();
		String authorize = browser.authorizeUrl(EHR_SCOPES, pkce, Map.of("launch", "no-such-launch"));

		HttpResponse<String> refused = browser.get(authorize);

		assertThat(refused.statusCode()).isEqualTo(302);
		String toApp = SmartAppBrowser.location(refused);
		assertThat(toApp).startsWith(browser.redirectUri() + "?");
		assertThat(SmartAppBrowser.parameter(toApp, "error")).contains("invalid_request");
		assertThat(SmartAppBrowser.parameter(toApp, "state")).contains(SmartAppBrowser.parameter(authorize, "state").orElseThrow());
		assertThat(SmartAppBrowser.parameter(toApp, "code")).isEmpty();
	}

	@Test
	void audienceOtherThanThisServer_isInvalidRequestAtTheRedirectUri() throws Exception {
		Map<String, String> missing = new HashMap<>();
		missing.put("aud", null);
		for (Map<String, String> aud : java.util.List.of(Map.of("aud", "https://ehr.example.org/fhir"), missing)) {
			HttpResponse<String> refused = browser.get(browser.authorizeUrl(EHR_SCOPES, Pkce.create(), aud));

			assertThat(SmartAppBrowser.location(refused)).startsWith(browser.redirectUri() + "?");
			assertThat(SmartAppBrowser.parameter(SmartAppBrowser.location(refused), "error")).contains("invalid_request");
		}
	}

	@Test
	void usersToken_cannotReadTheAuditTrail() throws Exception {
		String accessToken = browser.authorizeAndExchange(STANDALONE_SCOPES, Map.of()).path("access_token").asText();

		HttpResponse<String> audit = send(fhirRequest("/AuditEvent", accessToken));

		assertThat(audit.statusCode()).as(audit.body()).isEqualTo(403);
	}

	/**
	 * {@code $sign} refuses anyone but a Practitioner's login before it looks at the letter; with the user's token
	 * it gets as far as the document (not a letter: 422), with the issuer's system client it does not (403).
	 */
	@Test
	void usersToken_isAPractitionersLogin_for$sign() throws Exception {
		String accessToken = browser.authorizeAndExchange(STANDALONE_SCOPES, Map.of()).path("access_token").asText();
		DocumentReference note = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT);
		note.addContent().getAttachment().setContentType("text/plain").setData("note".getBytes());
		String noteId = client.create().resource(note).execute().getId().getIdPart();

		HttpResponse<String> byUser = sign(noteId, accessToken);
		HttpResponse<String> bySystem = sign(noteId, devIssuerSystemToken());

		assertThat(byUser.statusCode()).as(byUser.body()).isEqualTo(422);
		assertThat(byUser.body()).contains("not a Recourse letter");
		assertThat(bySystem.statusCode()).as(bySystem.body()).isEqualTo(403);
	}

	@Test
	void smartConfiguration_advertisesTheAppLaunch() throws Exception {
		JsonNode smart = JSON.readTree(send(anonymousRequest("/.well-known/smart-configuration")).body());

		assertThat(smart.path("authorization_endpoint").asText()).isEqualTo(serverRoot() + "/oauth2/authorize");
		assertThat(smart.path("token_endpoint").asText()).isEqualTo(serverRoot() + "/oauth2/token");
		assertThat(texts(smart.path("grant_types_supported"))).contains("authorization_code", "client_credentials");
		assertThat(texts(smart.path("code_challenge_methods_supported"))).containsExactly("S256");
		assertThat(texts(smart.path("token_endpoint_auth_methods_supported"))).contains("none", "client_secret_basic");
		assertThat(texts(smart.path("scopes_supported"))).contains("launch", "launch/patient", "openid", "fhirUser",
				"user/*.cruds", "user/*.rs", "patient/*.rs", "system/*.cruds");
		assertThat(texts(smart.path("capabilities"))).contains("launch-ehr", "launch-standalone", "client-public",
				"context-ehr-patient", "sso-openid-connect", "permission-user", "permission-patient", "permission-v2")
				.doesNotContain("context-standalone-patient");
	}

	@Test
	void openIdConfiguration_isServed() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/.well-known/openid-configuration")));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode oidc = JSON.readTree(response.body());
		assertThat(oidc.path("issuer").asText()).isEqualTo(serverRoot());
		assertThat(oidc.path("authorization_endpoint").asText()).isEqualTo(serverRoot() + "/oauth2/authorize");
	}

	@Test
	void userinfo_answersForTheUser() throws Exception {
		String accessToken = browser.authorizeAndExchange(STANDALONE_SCOPES, Map.of()).path("access_token").asText();

		HttpResponse<String> userinfo = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/userinfo"))
				.header("Authorization", "Bearer " + accessToken));

		assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
		assertThat(JSON.readTree(userinfo.body()).path("sub").asText()).isEqualTo(SmartAppBrowser.USERNAME);
	}

	@Test
	void launcher_refusesAnUnknownPatientAndAForeignApp() throws Exception {
		HttpResponse<String> unknown = browser.get(serverRoot() + "/dev-ehr/launch?patient=no-such-patient");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("Patient/no-such-patient");

		HttpResponse<String> foreign = browser.get(serverRoot() + "/dev-ehr/launch?patient=" + patient()
				+ "&app=https://attacker.example/launch.html");
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(foreign.headers().firstValue("Location")).isEmpty();
	}

	// ---

	private String patient() {
		Patient patient = new Patient();
		patient.addName().setFamily("Launch").addGiven("Smart");
		return client.create().resource(patient).execute().getId().getIdPart();
	}

	/** Authorizes as the logged-in user and returns the code. */
	private String code(Pkce pkce) throws Exception {
		HttpResponse<String> authorized = browser.get(browser.authorizeUrl(STANDALONE_SCOPES, pkce, Map.of()));
		return SmartAppBrowser.parameter(SmartAppBrowser.location(authorized), "code").orElseThrow();
	}

	private String devIssuerSystemToken() throws Exception {
		HttpResponse<String> response = browser.postForm(serverRoot() + "/oauth2/token", Map.of("grant_type", "client_credentials",
				"client_id", "recourse-dev", "client_secret", "recourse-dev-secret", "scope", "system/*.cruds"));
		return JSON.readTree(response.body()).path("access_token").asText();
	}

	private HttpResponse<String> sign(String documentId, String token) throws Exception {
		return send(fhirRequest("/DocumentReference/" + documentId + "/$sign", token).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
	}

	private static JWTClaimsSet claims(String jwt) throws Exception {
		return JWTParser.parse(jwt).getJWTClaimsSet();
	}

	private static java.util.List<String> texts(JsonNode array) {
		java.util.List<String> values = new java.util.ArrayList<>();
		array.forEach(value -> values.add(value.asText()));
		return values;
	}
}
