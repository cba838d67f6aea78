package dev.recourse.bench;

import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.ehr.fake.FakeEhrOptions;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long {@code Task/[id]/$map-criteria} takes for a patient of over a thousand resources, over loopback. Started
 * by {@code bench/criteria.sh}: fake EHR with patient 85 grown by {@link PullChart} and {@link CriteriaChart} → the
 * built server as a child process on a fresh database → one patient, one {@code $pull-history} (which also derives
 * the prior-therapy episodes) → one case per policy for that patient → per policy, its first map, then
 * {@code BENCH_MAPS} warm maps, one at a time → the server's request-log lines → the report.
 */
public final class CriteriaBenchmark {
	/** Policies measured unless {@code BENCH_POLICIES} (comma-separated ids) says otherwise; each queries different data. */
	static final String POLICIES = "cigna-adalimumab-ra,medica-evolocumab-hyperlipidemia,cigna-semaglutide-weight,evicore-ocrelizumab-rms";
	/** The types counted in the patient's compartment: what a pull stores, the episodes, the case's records. */
	static final List<String> COMPARTMENT = List.of("Condition", "Observation", "MedicationRequest", "MedicationStatement",
			"MedicationDispense", "MedicationAdministration", "AllergyIntolerance", "Procedure", "DiagnosticReport",
			"DocumentReference", "Coverage", "ClaimResponse", "QuestionnaireResponse", "Provenance");
	private static final String OPERATION = "Task $map-criteria";

	private static final int EXTRA_NOTES = 250;
	private static final int EXTRA_REPORTS = 150;

	private CriteriaBenchmark() {}

	public static void main(String[] args) throws Exception {
		DriverSettings settings = DriverSettings.of("CriteriaBenchmark", args, System.getenv());
		int maps = DriverSettings.count(System.getenv(), "BENCH_MAPS", 50);
		// a running server's JIT has compiled the map's code; without a warm-up the first policy measured pays for it
		int warmUp = DriverSettings.count(System.getenv(), "BENCH_WARMUP", 200);
		String warmUpPolicy = System.getenv().getOrDefault("BENCH_WARMUP_POLICY", "cigna-etanercept-ra");
		List<String> policies = Arrays.stream(System.getenv().getOrDefault("BENCH_POLICIES", POLICIES).split(","))
				.map(String::trim).filter(id -> !id.isEmpty()).toList();
		Path serverLog = settings.reportDir().resolve("criteria-server-" + settings.label() + ".log");
		try (FakeEhr ehr = FakeEhr.start(FakeEhrOptions.builder().bundle(FakeEhrOptions.USCORE_PATIENT_85).defaultClient().build())) {
			PullChart.grow(ehr);
			int criteriaRecords = CriteriaChart.grow(ehr);
			// the pull leaves the Observations no policy queries at the EHR; more notes and reports (types it copies
			// whole, and a long history has many) keep the compartment the map runs on above 1,000 resources
			ehr.addCopies(PullChart.PATIENT, "DocumentReference", EXTRA_NOTES);
			ehr.addCopies(PullChart.PATIENT, "DiagnosticReport", EXTRA_REPORTS);
			try (ServerProcess server = ServerProcess.start(EhrBenchServer.launch(settings, ehr, serverLog))) {
				System.out.printf("server ready in %.1f s on %s%n", server.startupSeconds(), server.fhirBase());
				HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
				String token = BearerToken.fetch(http, server.fhirBase(), settings.client())
						.orElseThrow(() -> new IllegalStateException("the server advertises no token endpoint"));
				PullCases cases = new PullCases(server.fhirBase(), token, ehr);
				String patientId = cases.newPatient(0);
				PullCases.Pull pull = cases.pull(cases.openCaseFor(patientId));
				System.out.printf("pulled %d resources for Patient/%s in %.0f ms, %d warning(s)%n", pull.resources(), patientId,
						pull.millis(), pull.warnings());
				Map<String, String> caseOf = new LinkedHashMap<>();
				for (String policy : policies) {
					caseOf.put(policy, cases.openCaseFor(patientId));
				}
				Map<String, Integer> compartment = compartment(cases, patientId);
				CriteriaCalls calls = new CriteriaCalls(server.fhirBase(), token);
				warmUp(calls, cases.openCaseFor(patientId), warmUpPolicy, warmUp);
				System.out.println("patient compartment: " + compartment);
				List<CriteriaReport.PolicyRun> runs = measure(calls, caseOf, maps, serverLog);
				Map<String, Object> facts = EhrBenchServer.facts(settings, server, serverLog);
				facts.put("criteriaRecords", criteriaRecords + " records for the policies (CriteriaChart) on top of the growth, and "
						+ EXTRA_NOTES + " DocumentReferences and " + EXTRA_REPORTS + " DiagnosticReports more (the compartment stays above 1,000)");
				facts.put("pull", String.format("%d resources in %.0f ms, %d warning(s)", pull.resources(), pull.millis(), pull.warnings()));
				facts.put("mapsPerPolicy", "1 first + " + maps + " warm (BENCH_MAPS), one at a time");
				facts.put("serverWarmUp", warmUp + " maps of " + warmUpPolicy + " (not measured) before the first measured map (BENCH_WARMUP,"
						+ " BENCH_WARMUP_POLICY): the JIT compiled, the measured policies' first evaluations still their first");
				CriteriaReport.write(settings.reportDir(), settings.label(), facts, compartment, runs);
				System.out.println(CriteriaReport.verdict(compartment, runs));
			}
		}
		System.out.println("report: " + settings.reportDir().resolve("criteria-report-" + settings.label() + ".md"));
	}

	/** Maps of a policy that is not measured, on a case of its own, so the server runs compiled code as one in use does. */
	private static void warmUp(CriteriaCalls calls, String caseId, String policy, int maps) throws Exception {
		for (int i = 0; i < maps; i++) {
			calls.map(caseId, policy);
		}
		System.out.printf("server warmed up: %d maps of %s%n", maps, policy);
	}

	/** Per policy in turn: the first map of its case, then the warm ones; then each call's line in the server's log. */
	private static List<CriteriaReport.PolicyRun> measure(CriteriaCalls calls, Map<String, String> caseOf, int maps, Path serverLog)
			throws Exception {
		int logged = RequestTimes.of(serverLog, OPERATION).size();
		Map<String, List<CriteriaCalls.MapCall>> calledOf = new LinkedHashMap<>();
		for (Map.Entry<String, String> policy : caseOf.entrySet()) {
			List<CriteriaCalls.MapCall> called = new ArrayList<>();
			for (int i = 0; i <= maps; i++) {
				called.add(calls.map(policy.getValue(), policy.getKey()));
			}
			CriteriaCalls.MapCall first = called.get(0);
			System.out.printf("%-36s first %6.0f ms, warm p50 %6.1f ms  %s, %d evidence%n", policy.getKey(), first.millis(),
					CriteriaReport.Percentiles.of(called.subList(1, called.size()).stream().map(CriteriaCalls.MapCall::millis).toList()).p50(),
					first.statuses(), first.evidence());
			calledOf.put(policy.getKey(), called);
		}
		Thread.sleep(500); // the request line is logged as the answer completes; let the last reach the file
		List<Long> serverMs = RequestTimes.of(serverLog, OPERATION);
		serverMs = serverMs.subList(Math.min(logged, serverMs.size()), serverMs.size());
		List<CriteriaReport.PolicyRun> runs = new ArrayList<>();
		int at = 0;
		for (Map.Entry<String, List<CriteriaCalls.MapCall>> policy : calledOf.entrySet()) {
			List<CriteriaCalls.MapCall> called = policy.getValue();
			List<Long> logs = new ArrayList<>();
			for (int i = 0; i < called.size(); i++, at++) {
				logs.add(at < serverMs.size() ? serverMs.get(at) : -1L);
			}
			runs.add(new CriteriaReport.PolicyRun(policy.getKey(), caseOf.get(policy.getKey()), called.get(0), logs.get(0),
					called.subList(1, called.size()), logs.subList(1, logs.size()).stream().filter(ms -> ms >= 0).toList()));
		}
		return runs;
	}

	private static Map<String, Integer> compartment(PullCases cases, String patientId) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("Patient", 1);
		for (String type : COMPARTMENT) {
			int count = cases.countFor(type, patientId);
			if (count > 0) {
				counts.put(type, count);
			}
		}
		return counts;
	}
}
