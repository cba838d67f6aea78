package dev.recourse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.metrics.MetricsFixtures.CaseSpec;
import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The metrics benchmark (bench/metrics.sh; off unless {@code -Dbench.metrics=true}). 1. Proof that seeding is faithful:
 * N synthetic cases written through the FHIR API give, by the storage hooks, exactly the rows the seed writes for the
 * same specs, and a rebuild from the resources gives them again. 2. 100,000 cases and 100,000 payer-side requests
 * seeded as rows; {@code $denial-metrics} over HTTP for their organization's year, cold once then warm, p50/p95.
 */
@EnabledIfSystemProperty(named = "bench.metrics", matches = "true")
class MetricsBenchmarkIT extends FhirIntegrationTest {
	@Autowired
	DataSource dataSource;
	@Autowired
	MetricsRebuild rebuild;

	@Test
	void benchmark() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String run = UUID.randomUUID().toString().substring(0, 8);
		int fhirCases = Integer.getInteger("bench.metrics.fhirCases", 1000);
		int volume = Integer.getInteger("bench.metrics.cases", 100_000);
		List<String> report = new ArrayList<>();

		String eqOrg = "eq-" + run;
		List<CaseSpec> specs = SyntheticCases.generate("eq" + run + "-", eqOrg, fhirCases, 7);
		String patient = client.create().resource(new Patient().setActive(true)).execute().getId().getIdPart();
		MetricsFixtures fixtures = new MetricsFixtures(client, patient);
		long start = System.nanoTime();
		specs.forEach(fixtures::writeCase);
		long writeMillis = (System.nanoTime() - start) / 1_000_000;
		List<List<Object>> expected = specs.stream().map(SyntheticCases::expectedRow).sorted(Comparator.comparing(row -> (String) row.get(0))).toList();
		assertThat(differences(rows(jdbc, eqOrg), expected)).as("rows kept by the storage hooks vs the seed's").isEmpty();
		String rebuilt = "";
		if (Boolean.getBoolean("bench.metrics.rebuild")) { // slow (see ARCHITECTURE.md): off unless asked
			start = System.nanoTime();
			int versions = rebuild.rebuild();
			assertThat(differences(rows(jdbc, eqOrg), expected)).as("rows rebuilt from the resources vs the seed's").isEmpty();
			rebuilt = "; `MetricsRebuild` replaying every version on file (" + versions + " versions, "
					+ (System.nanoTime() - start) / 1_000_000_000 + " s) gives them again";
		}
		report.add("- Faithful seed: " + fhirCases + " synthetic cases written through the FHIR API (denial, case Task in 2–4 versions, "
				+ "submission Task: " + writeMillis / 1000 + " s) give, by the storage hooks, exactly the rows the seed writes for the same "
				+ "specs, all 13 columns" + rebuilt + ".");

		String org = "bench-" + run;
		start = System.nanoTime();
		SyntheticCases.seed(jdbc, SyntheticCases.generate("b" + run + "-", org, volume, 42));
		SyntheticCases.seedRequests(jdbc, "pas-b" + run + "-", org, volume, 43);
		jdbc.execute("ANALYZE");
		report.add("- Seeded directly with SQL (batched INSERTs, same row function): " + volume + " cases and " + volume
				+ " payer-side requests in " + (System.nanoTime() - start) / 1_000_000_000 + " s, then ANALYZE.");
		String orgId = client.create().resource(new Organization().addIdentifier(new Identifier()
				.setSystem(MetricsFixtures.ORG_SYSTEM).setValue(org))).execute().getId().getIdPart();
		String path = "/Organization/" + orgId + "/$denial-metrics?periodStart=2025-01-01&periodEnd=2025-12-31";
		report.addAll(timings(path, "FHIR (MeasureReports)", false, volume));
		report.addAll(timings(path, "CSV", true, volume));
		write(report);
	}

	private List<String> timings(String path, String label, boolean csv, int volume) throws Exception {
		long cold = call(path, csv, volume);
		long[] warm = new long[20];
		for (int i = 0; i < warm.length; i++) {
			warm[i] = call(path, csv, volume);
		}
		Arrays.sort(warm);
		return List.of("| " + label + " | " + cold + " | " + warm[9] + " | " + warm[18] + " | " + warm[19] + " |");
	}

	private long call(String path, boolean csv, int volume) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = send(csv ? fhirRequest(path).setHeader("Accept", "text/csv") : fhirRequest(path));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains(csv ? "overturn-rate,,," + volume + "," : "\"count\":" + volume);
		return millis;
	}

	/** The rows that differ, as "actual <> expected", at most five; a missing or extra row counts too. */
	private static List<String> differences(List<List<Object>> actual, List<List<Object>> expected) {
		List<String> differences = new ArrayList<>();
		if (actual.size() != expected.size()) {
			differences.add(actual.size() + " rows, expected " + expected.size());
		}
		for (int i = 0; i < Math.min(actual.size(), expected.size()) && differences.size() < 5; i++) {
			if (!actual.get(i).equals(expected.get(i))) {
				differences.add(actual.get(i) + " <> " + expected.get(i));
			}
		}
		return differences;
	}

	private static List<List<Object>> rows(JdbcTemplate jdbc, String org) {
		// sorted here, not by ORDER BY: PostgreSQL's collation orders "-" unlike Java's String.compareTo
		return jdbc.query("SELECT " + SyntheticCases.COLUMNS + " FROM " + MetricsTables.CASES + " WHERE org_key = ?",
				(row, n) -> {
					List<Object> values = new ArrayList<>();
					for (int i = 1; i <= 13; i++) {
						Object value = row.getObject(i);
						values.add(value instanceof Number number && !(value instanceof Long) ? number.longValue() : value);
					}
					return values;
				}, MetricsFixtures.ORG_SYSTEM + "|" + org).stream().sorted(Comparator.comparing(row -> (String) row.get(0))).toList();
	}

	private void write(List<String> lines) throws Exception {
		String database = dataSource.getConnection().getMetaData().getDatabaseProductName() + " "
				+ dataSource.getConnection().getMetaData().getDatabaseProductVersion();
		String load = Files.readString(Path.of("/proc/loadavg")).trim();
		StringBuilder md = new StringBuilder("# Metrics benchmark results\n\n")
				.append("`bench/metrics.sh` (MetricsBenchmarkIT on the test suite's ").append(database)
				.append(", in the shared Spring context; requests over HTTP on loopback with a bearer token).\n")
				.append("Load average at the end (1/5/15 min, runnable/total, last pid): ").append(load).append("; ")
				.append(Runtime.getRuntime().availableProcessors()).append(" cores, shared with other builds.\n\n");
		lines.stream().filter(line -> line.startsWith("- ")).forEach(line -> md.append(line).append('\n'));
		md.append("\n`Organization/[id]/$denial-metrics`, one organization's year (all ").append("seeded rows), milliseconds:\n\n")
				.append("| answer | cold (first call) | warm p50 | warm p95 | warm max |\n|---|---|---|---|---|\n");
		lines.stream().filter(line -> line.startsWith("| ")).forEach(line -> md.append(line).append('\n'));
		Files.writeString(Path.of(System.getProperty("bench.metrics.out", "bench/METRICS-RESULTS.md")), md.toString());
	}
}
