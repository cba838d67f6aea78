package dev.recourse.ehr.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.support.TestEhrs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code $pull-history} does when the EHR misbehaves: each case ends with a correct, explained
 * result, and a type that could not be pulled completely is not stored at all.
 */
class PullHistoryFaultsIT extends PullHistoryTestBase {
	private final FakeEhr ehr = EHRS.searchOnly();

	@Test
	void serverErrorBurst_isRetriedAndPullsEverything() throws Exception {
		String caseId = openCase();
		ehr.failNext("Condition", 2, 503);

		Parameters result = pull(caseId);

		assertThat(result.getParameters("warning")).isEmpty();
		assertThat(counts(result)).containsEntry("Condition", ehr.resourcesOf(EHR_PATIENT_85, "Condition").size());
		assertThat(ehr.requestCount("Condition")).isEqualTo(3);
	}

	@Test
	void tooManyRequests_waitsWhatRetryAfterAsks() throws Exception {
		String caseId = openCase();
		ehr.throttleNext("Procedure", 1, 1);

		long start = System.nanoTime();
		Parameters result = pull(caseId);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(result.getParameters("warning")).isEmpty();
		assertThat(counts(result)).containsKey("Procedure");
	}

	@Test
	void retryAfterLongerThanWeWait_failsThatTypeOnly() throws Exception {
		String caseId = openCase();
		ehr.throttleNext("Procedure", 1, 600);

		Parameters result = pull(caseId);

		assertThat(warnings(result)).containsKey("Procedure");
		assertThat(warnings(result).get("Procedure")).contains("429").contains("600 s");
		assertThat(counts(result)).doesNotContainKey("Procedure").containsKey("Condition");
	}

	@Test
	void answerSlowerThanTheTimeout_failsThatTypeAfterRetries() throws Exception {
		String caseId = openCase();
		ehr.delayNext("DiagnosticReport", 4, Duration.ofSeconds(3));

		Parameters result = pull(caseId);

		assertThat(warnings(result).get("DiagnosticReport")).contains("read timeout").contains("4 attempts");
		assertThat(counts(result)).doesNotContainKey("DiagnosticReport").containsKey("Procedure");
	}

	@Test
	void malformedJson_failsThatTypeWithoutRetry_andKeepsTheOldTimeline() throws Exception {
		String caseId = openCase();
		ehr.malformedNext("AllergyIntolerance", 1);

		Parameters result = pull(caseId);

		assertThat(warnings(result).get("AllergyIntolerance")).contains("not valid FHIR JSON");
		assertThat(ehr.requestCount("AllergyIntolerance")).isEqualTo(1);
		assertThat(result.getParameters("warning")).anyMatch(warning -> message(warning).contains("timeline was returned but not stored"));
	}

	@Test
	void nextLinkToAnotherHost_isNotFollowed_andNothingOfThatTypeIsStored() throws Exception {
		PulledCase pulled = openCase(PATIENT_85_MRN);
		ehr.foreignNextLink("Condition", "http://203.0.113.9/fhir?_getpages=stolen");

		Parameters result = pull(pulled.caseId(), null);

		assertThat(warnings(result).get("Condition")).contains("http://203.0.113.9:80").contains("not followed");
		Bundle stored = client.search().forResource(Condition.class).where(Condition.PATIENT.hasId(pulled.patientId()))
				.returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).isEmpty();
	}

	@Test
	void tokenExpiredBeforeItsTime_isRenewedOnce() throws Exception {
		String caseId = openCase();
		pull(caseId);
		int tokensBefore = ehr.tokenRequests();
		ehr.expireIssuedTokens();

		Parameters result = pull(caseId);

		assertThat(result.getParameters("warning")).isEmpty();
		assertThat(ehr.tokenRequests()).isEqualTo(tokensBefore + 1);
	}

	@Test
	void tokenExpiringMidPull_isRenewedAndThePullCompletes() throws Exception {
		String caseId = openCase();
		pull(caseId);
		int tokensBefore = ehr.tokenRequests();
		// Procedure's answer is held back; while it waits, every token issued so far stops working
		ehr.delayNext("Procedure", 1, Duration.ofMillis(1200));
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		try {
			timer.schedule(ehr::expireIssuedTokens, 400, TimeUnit.MILLISECONDS);

			Parameters result = pull(caseId);

			assertThat(result.getParameters("warning")).isEmpty();
			assertThat(counts(result)).containsKeys("Procedure", "Condition", "DiagnosticReport");
			assertThat(ehr.tokenRequests()).isGreaterThan(tokensBefore);
		} finally {
			timer.shutdownNow();
		}
	}

	@Test
	void failingEhr_opensItsCircuit_andTheNextPullIs502() throws Exception {
		String caseId = openCase();
		ChartQueries.TYPES.forEach(type -> ehr.alwaysFail(type, 500));

		Parameters degraded = pull(caseId, "Endpoint/" + TestEhrs.BREAKER);
		HttpResponse<String> refused = postPull(caseId, "Endpoint/" + TestEhrs.BREAKER, adminToken);

		assertThat(warnings(degraded)).containsKeys(ChartQueries.TYPES.toArray(String[]::new));
		assertThat(degraded.getParameters("warning")).anyMatch(warning -> message(warning).contains("circuit open"));
		assertThat(refused.statusCode()).isEqualTo(502);
		assertThat(refused.body()).contains("upstream-unavailable").contains("circuit open");
	}

	@Test
	void unreachableEhr_is502() throws Exception {
		String caseId = openCase();
		Endpoint nowhere = new Endpoint();
		nowhere.setStatus(Endpoint.EndpointStatus.ACTIVE);
		nowhere.getConnectionType().setSystem("http://terminology.hl7.org/CodeSystem/endpoint-connection-type").setCode("hl7-fhir-rest");
		nowhere.addPayloadType().setText("FHIR");
		nowhere.setAddress(ALLOWED_HOOKS + "/fhir");
		String endpointId = client.create().resource(nowhere).execute().getId().getIdPart();

		HttpResponse<String> response = postPull(caseId, "Endpoint/" + endpointId, adminToken);

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.body()).contains("could not be reached").doesNotContain("Exception");
	}

	private String openCase() throws Exception {
		return openCase(PATIENT_85_MRN).caseId();
	}

	private Parameters pull(String caseId) {
		return pull(caseId, null);
	}
}
