package dev.recourse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recourse.metrics.MetricsFixtures.CaseSpec;
import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code Organization/[id]/$denial-metrics} over HTTP on a handful of cases and payer-side requests written through the
 * FHIR API (so the storage hooks keep the read model), with every expected number worked out by hand in the comments:
 * an overturn, an upheld case, an undecided one, a missed filing deadline, a payer that missed its decision clock;
 * approved, denied, approved after appeal, pended, standard and expedited requests.
 */
class DenialMetricsIT extends FhirIntegrationTest {
	private static final String Q1_START = "2026-01-01";
	private static final String Q1_END = "2026-03-31";
	@Autowired
	DataSource dataSource;
	@Autowired
	MetricsRebuild rebuild;
	@Autowired
	MetricsTables tables;
	private String orgValue;
	private String orgId;
	private MetricsFixtures fixtures;

	@BeforeEach
	void organization() {
		orgValue = UUID.randomUUID().toString();
		orgId = client.create().resource(new Organization().setName("Metrics test org")
				.addIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(MetricsFixtures.ORG_SYSTEM).setValue(orgValue)))
				.execute().getId().getIdPart();
		String patient = client.create().resource(new Patient().setActive(true)).execute().getId().getIdPart();
		fixtures = new MetricsFixtures(client, patient);
	}

	/**
	 * In Q1 2026 (c5 is from December, c6 another organization's):
	 * c1 payer-a medical-necessity rx 111 internal-appeal: denied 01-10, filed 01-12 (2 d, deadline 02-10 met), due 01-19, approved 01-20 (clock missed);
	 * c2 payer-a step-therapy rx 222 step-therapy-exception: denied 01-15, filed 01-21 (6 d, deadline 01-20 missed), due 01-25, upheld 01-22 (met);
	 * c3 payer-b medical-necessity rx 111 internal-appeal: denied 02-01, filed 02-04 (3 d, deadline 03-01 met), undecided, no clock;
	 * c4 payer-b medical-necessity rx 111 internal-appeal: denied 02-10, never filed, deadline 02-20 passed (missed).
	 */
	private void providerCases() {
		String other = UUID.randomUUID().toString();
		List.of(
				new CaseSpec(id(), orgValue, "payer-a", "medical-necessity", "111", "internal-appeal", at("2026-01-10"),
						LocalDate.parse("2026-02-10"), at("2026-01-12"), at("2026-01-19"), at("2026-01-20"), "approved"),
				new CaseSpec(id(), orgValue, "payer-a", "step-therapy", "222", "step-therapy-exception", at("2026-01-15"),
						LocalDate.parse("2026-01-20"), at("2026-01-21"), at("2026-01-25"), at("2026-01-22"), "upheld"),
				new CaseSpec(id(), orgValue, "payer-b", "medical-necessity", "111", "internal-appeal", at("2026-02-01"),
						LocalDate.parse("2026-03-01"), at("2026-02-04"), null, null, null),
				new CaseSpec(id(), orgValue, "payer-b", "medical-necessity", "111", "internal-appeal", at("2026-02-10"),
						LocalDate.parse("2026-02-20"), null, null, null, null),
				new CaseSpec(id(), orgValue, "payer-b", "medical-necessity", "111", "internal-appeal", at("2025-12-20"),
						LocalDate.parse("2026-01-20"), at("2025-12-22"), null, at("2025-12-30"), "approved"),
				new CaseSpec(id(), other, "payer-a", "medical-necessity", "111", "internal-appeal", at("2026-01-10"),
						LocalDate.parse("2026-02-10"), at("2026-01-11"), null, at("2026-01-12"), "approved"))
				.forEach(fixtures::writeCase);
	}

	@Test
	void providerSide_overturnTimingAndDeadlines_areCountedByHand() throws Exception {
		providerCases();

		Bundle reports = metrics(Q1_START, Q1_END);

		MeasureReport outcomes = report(reports, MeasureValue.OUTCOMES);
		assertThat(outcomes.getReporter().getReference()).isEqualTo("Organization/" + orgId);
		assertThat(outcomes.getPeriod().getStartElement().getValueAsString()).isEqualTo(Q1_START);
		MeasureReport.MeasureReportGroupComponent overturn = group(outcomes, "overturn-rate");
		assertThat(counts(overturn.getPopulation())).containsExactly(4, 2, 1); // 4 cases, 2 decided, 1 overturned
		assertThat(overturn.getMeasureScore().getValue()).isEqualByComparingTo("0.5");
		assertThat(strata(overturn, "payer")).containsExactly(
				MetricsFixtures.PAYER_SYSTEM + "|payer-a 2/2/1 0.5000", MetricsFixtures.PAYER_SYSTEM + "|payer-b 2/0/0 -");
		assertThat(strata(overturn, "category")).containsExactly("medical-necessity 3/1/1 1.0000", "step-therapy 1/1/0 0.0000");
		assertThat(strata(overturn, "service")).containsExactly(
				MetricsFixtures.RXNORM + "|111 3/1/1 1.0000", MetricsFixtures.RXNORM + "|222 1/1/0 0.0000");
		assertThat(strata(overturn, "pathway")).containsExactly("internal-appeal 3/1/1 1.0000", "step-therapy-exception 1/1/0 0.0000");
		// filed after 2, 6 and 3 days: average 11/3, median 3
		MeasureReport timing = report(reports, MeasureValue.TIMING);
		assertThat(group(timing, "denial-to-submission-average").getMeasureScore().getValue()).isEqualByComparingTo("3.6667");
		assertThat(group(timing, "denial-to-submission-median").getMeasureScore().getValue()).isEqualByComparingTo("3.0000");
		assertThat(group(timing, "denial-to-submission-median").getMeasureScore().getCode()).isEqualTo("d");
		MeasureReport.MeasureReportGroupComponent filing = group(outcomes, "filing-deadline-met");
		assertThat(counts(filing.getPopulation())).containsExactly(4, 4, 2); // c1, c3 met; c2 late, c4 never filed
		MeasureReport.MeasureReportGroupComponent clock = group(outcomes, "decision-clock-met");
		assertThat(counts(clock.getPopulation())).containsExactly(4, 2, 1); // c2 decided in time, c1's payer missed its clock
		assertThat(clock.getMeasureScore().getValue()).isEqualByComparingTo("0.5");
	}

	@Test
	void csv_carriesTheSameNumbers_exactly() throws Exception {
		providerCases();

		HttpResponse<String> csv = send(fhirRequest(path(Q1_START, Q1_END)).setHeader("Accept", "text/csv"));
		HttpResponse<String> byFormat = send(fhirRequest(path(Q1_START, Q1_END) + "&_format=csv").setHeader("Accept", "*/*"));

		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(byFormat.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(byFormat.body()).isEqualTo(csv.body());
		String prefix = "Organization/" + orgId + "," + Q1_START + "," + Q1_END + ",";
		String o = prefix + MeasureValue.OUTCOMES + ",";
		String t = prefix + MeasureValue.TIMING + ",";
		String c = prefix + MeasureValue.CMS_0057_F + ",";
		String ct = prefix + MeasureValue.CMS_0057_F_TIME + ",";
		StringBuilder expected = new StringBuilder(MetricsCsv.HEADER + "\r\n")
				.append(o).append("overturn-rate,,,4,2,1,0.5000,1\r\n")
				.append(o).append("overturn-rate,payer,").append(MetricsFixtures.PAYER_SYSTEM).append("|payer-a,2,2,1,0.5000,1\r\n")
				.append(o).append("overturn-rate,payer,").append(MetricsFixtures.PAYER_SYSTEM).append("|payer-b,2,0,0,,1\r\n")
				.append(o).append("overturn-rate,category,medical-necessity,3,1,1,1.0000,1\r\n")
				.append(o).append("overturn-rate,category,step-therapy,1,1,0,0.0000,1\r\n")
				.append(o).append("overturn-rate,service,").append(MetricsFixtures.RXNORM).append("|111,3,1,1,1.0000,1\r\n")
				.append(o).append("overturn-rate,service,").append(MetricsFixtures.RXNORM).append("|222,1,1,0,0.0000,1\r\n")
				.append(o).append("overturn-rate,pathway,internal-appeal,3,1,1,1.0000,1\r\n")
				.append(o).append("overturn-rate,pathway,step-therapy-exception,1,1,0,0.0000,1\r\n")
				.append(t).append("denial-to-submission-average,,,4,3,,3.6667,d\r\n")
				.append(t).append("denial-to-submission-median,,,4,3,,3.0000,d\r\n")
				.append(o).append("filing-deadline-met,,,4,4,2,0.5000,1\r\n")
				.append(o).append("decision-clock-met,,,4,2,1,0.5000,1\r\n");
		for (String kind : List.of("standard", "expedited")) {
			expected.append(c).append("pa-approved-").append(kind).append(",,,0,0,0,,1\r\n")
					.append(c).append("pa-denied-").append(kind).append(",,,0,0,0,,1\r\n")
					.append(c).append("pa-approved-after-appeal-").append(kind).append(",,,0,0,0,,1\r\n")
					.append(ct).append("pa-decision-time-average-").append(kind).append(",,,0,0,,,h\r\n")
					.append(ct).append("pa-decision-time-median-").append(kind).append(",,,0,0,,,h\r\n");
		}
		assertThat(csv.body()).isEqualTo(expected.toString());
	}

	/**
	 * Received today: r1 standard approved after 10 h; r2 standard denied after 30 h; r3 standard appeal approved after
	 * 14 h; r4 standard still pended; r5 expedited (stat) approved after 2 h; r6 another payer's.
	 */
	@Test
	void payerSide_cms0057fMeasures_standardAndExpeditedApart() throws Exception {
		Instant now = Instant.now();
		fixtures.writeRequest(id(), orgValue, now.minus(10, ChronoUnit.HOURS), false, null, "A1");
		fixtures.writeRequest(id(), orgValue, now.minus(30, ChronoUnit.HOURS), false, null, "A3");
		fixtures.writeRequest(id(), orgValue, now.minus(14, ChronoUnit.HOURS), false, "2", "A1");
		fixtures.writeRequest(id(), orgValue, now.minus(1, ChronoUnit.HOURS), false, null, null);
		fixtures.writeRequest(id(), orgValue, now.minus(2, ChronoUnit.HOURS), true, null, "A1");
		fixtures.writeRequest(id(), UUID.randomUUID().toString(), now.minus(5, ChronoUnit.HOURS), false, null, "A3");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		Bundle reports = metrics(today.minusDays(3).toString(), today.toString());
		MeasureReport cms = report(reports, MeasureValue.CMS_0057_F);

		assertThat(counts(group(cms, "pa-approved-standard").getPopulation())).containsExactly(4, 3, 2);
		assertThat(group(cms, "pa-approved-standard").getMeasureScore().getValue()).isEqualByComparingTo("0.6667");
		assertThat(counts(group(cms, "pa-denied-standard").getPopulation())).containsExactly(4, 3, 1);
		assertThat(counts(group(cms, "pa-approved-after-appeal-standard").getPopulation())).containsExactly(4, 1, 1);
		// decided after 10, 30 and 14 hours (the decision is stored seconds after the test starts): average 18, median 14
		MeasureReport times = report(reports, MeasureValue.CMS_0057_F_TIME);
		assertThat(group(times, "pa-decision-time-average-standard").getMeasureScore().getValue().doubleValue()).isCloseTo(18, within(0.1));
		assertThat(group(times, "pa-decision-time-median-standard").getMeasureScore().getValue().doubleValue()).isCloseTo(14, within(0.1));
		assertThat(counts(group(cms, "pa-approved-expedited").getPopulation())).containsExactly(1, 1, 1);
		assertThat(counts(group(cms, "pa-approved-after-appeal-expedited").getPopulation())).containsExactly(1, 0, 0);
		assertThat(group(cms, "pa-approved-after-appeal-expedited").getMeasureScore().hasValue()).isFalse();
		assertThat(group(cms, "pa-approved-after-appeal-expedited").getMeasureScore()
				.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/data-absent-reason")).isNotNull();
		assertThat(group(times, "pa-decision-time-median-expedited").getMeasureScore().getValue().doubleValue()).isCloseTo(2, within(0.1));
	}

	@Test
	void periodFiltering_andAnOrganizationWithoutData() throws Exception {
		providerCases();

		MeasureReport january = report(metrics("2026-01-01", "2026-01-31"), MeasureValue.OUTCOMES);
		MeasureReport december = report(metrics("2025-12-01", "2025-12-31"), MeasureValue.OUTCOMES);
		String emptyOrg = client.create().resource(new Organization().setName("No data")).execute().getId().getIdPart();
		Bundle none = metrics(emptyOrg, Q1_START, Q1_END);

		assertThat(counts(group(january, "overturn-rate").getPopulation())).containsExactly(2, 2, 1); // c1, c2
		assertThat(counts(group(december, "overturn-rate").getPopulation())).containsExactly(1, 1, 1); // c5
		MeasureReport empty = report(none, MeasureValue.OUTCOMES);
		assertThat(counts(group(empty, "overturn-rate").getPopulation())).containsExactly(0, 0, 0);
		assertThat(group(empty, "overturn-rate").getMeasureScore().hasValue()).isFalse();
		assertThat(group(empty, "overturn-rate").getStratifier()).isEmpty();
		assertThat(report(none, MeasureValue.CMS_0057_F).getGroup()).hasSize(6);
		assertThat(report(none, MeasureValue.CMS_0057_F_TIME).getGroup()).hasSize(4)
				.allSatisfy(group -> assertThat(group.hasMeasureScore()).isFalse());
	}

	/** The suite's database was new when the tables were made: its rows come from the hooks, nothing is replayed at start-up. */
	@Test
	void aNewDatabase_isNotReplayedAtStartUp() {
		assertThat(tables.backfillNeeded()).isFalse();
	}

	@Test
	void aRebuildFromTheResources_givesTheRowsTheStorageHooksKept() {
		providerCases();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String rows = "SELECT * FROM " + MetricsTables.CASES + " WHERE org_key = ? ORDER BY case_id";
		List<java.util.Map<String, Object>> kept = jdbc.queryForList(rows, MetricsFixtures.ORG_SYSTEM + "|" + orgValue);

		// rows gone wrong (what a rebuild is for): every value but the keys blanked
		jdbc.update("UPDATE " + MetricsTables.CASES + " SET payer = NULL, category = NULL, service = NULL, denied_at = NULL,"
				+ " stage = NULL, submitted_at = NULL, pathway = NULL, filing_deadline = NULL, decision_due = NULL, decided_at = NULL,"
				+ " outcome = NULL WHERE org_key = ?", MetricsFixtures.ORG_SYSTEM + "|" + orgValue);

		// the organization's rows only: the whole shared test database would take minutes (every other test's cases)
		int replayed = rebuild.rebuild(MetricsFixtures.ORG_SYSTEM + "|" + orgValue);

		assertThat(replayed).isGreaterThan(kept.size());
		assertThat(kept).hasSize(5); // c1–c5; c6 is another organization's
		assertThat(jdbc.queryForList(rows, MetricsFixtures.ORG_SYSTEM + "|" + orgValue)).isEqualTo(kept);
	}

	@Test
	void theReports_validateAgainstTheBaseSpecification() throws Exception {
		providerCases();
		Instant now = Instant.now();
		// every proportion with a denominator: the validator wants a number for each (a rate over nobody is reported
		// with data-absent-reason, which it flags as MEASURE_MR_SCORE_VALUE_REQUIRED)
		fixtures.writeRequest(id(), orgValue, now.minus(3, ChronoUnit.HOURS), false, null, "A1");
		fixtures.writeRequest(id(), orgValue, now.minus(4, ChronoUnit.HOURS), false, "2", "A3");
		fixtures.writeRequest(id(), orgValue, now.minus(5, ChronoUnit.HOURS), true, "1", "A1");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Bundle all = metrics("2026-01-01", today.toString());
		assertThat(all.getEntry()).hasSize(4);
		for (MeasureReport report : all.getEntry().stream().map(entry -> (MeasureReport) entry.getResource()).toList()) {
			HttpResponse<String> validated = send(fhirRequest("/MeasureReport/$validate").header("Content-Type", FHIR_JSON)
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(report))));
			OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, validated.body());
			assertThat(outcome.getIssue()).as(validated.body()).noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
					|| issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
		}
	}

	@Test
	void badParameters_are400_namingTheParameter_andAnUnknownOrganization404() throws Exception {
		HttpResponse<String> malformed = send(fhirRequest(path("2026-13-01", Q1_END)));
		HttpResponse<String> reversed = send(fhirRequest(path(Q1_END, Q1_START)));
		HttpResponse<String> missing = send(fhirRequest("/Organization/" + orgId + "/$denial-metrics?periodStart=" + Q1_START));
		HttpResponse<String> unknown = send(fhirRequest("/Organization/no-such-org/$denial-metrics?periodStart=" + Q1_START + "&periodEnd=" + Q1_END));

		assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
		assertThat(expressions(malformed)).contains("periodStart");
		assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(400);
		assertThat(expressions(reversed)).contains("periodEnd");
		assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
		assertThat(missing.body()).contains("periodEnd");
		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
	}

	@Test
	void whoMayRead_aTokenThatReadsMeasureReports_notOneWithoutIt_norOneConfinedToAPatient() throws Exception {
		HttpResponse<String> reader = send(fhirRequest(path(Q1_START, Q1_END), tokens.system("system/Organization.r", "system/MeasureReport.r")));
		HttpResponse<String> noMeasureReports = send(fhirRequest(path(Q1_START, Q1_END), tokens.system("system/Organization.r")));
		String patient = client.create().resource(new Patient().setActive(true)).execute().getId().getIdPart();
		HttpResponse<String> patientApp = send(fhirRequest(path(Q1_START, Q1_END),
				tokens.patient(patient, "patient/Organization.r", "patient/MeasureReport.r")));
		HttpResponse<String> anonymous = send(anonymousRequest(path(Q1_START, Q1_END)));

		assertThat(reader.statusCode()).as(reader.body()).isEqualTo(200);
		assertThat(noMeasureReports.statusCode()).as(noMeasureReports.body()).isEqualTo(403);
		assertThat(patientApp.statusCode()).as(patientApp.body()).isEqualTo(403);
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private Bundle metrics(String start, String end) throws Exception {
		return metrics(orgId, start, end);
	}

	private Bundle metrics(String organization, String start, String end) throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Organization/" + organization + "/$denial-metrics?periodStart=" + start + "&periodEnd=" + end));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
	}

	private String path(String start, String end) {
		return "/Organization/" + orgId + "/$denial-metrics?periodStart=" + start + "&periodEnd=" + end;
	}

	private static MeasureReport report(Bundle reports, String measure) {
		return reports.getEntry().stream().map(entry -> (MeasureReport) entry.getResource())
				.filter(report -> report.getMeasure().equals(MeasureReports.MEASURE_BASE + measure)).findFirst().orElseThrow();
	}

	private static MeasureReport.MeasureReportGroupComponent group(MeasureReport report, String code) {
		return report.getGroup().stream().filter(group -> code.equals(group.getCode().getCodingFirstRep().getCode())).findFirst().orElseThrow();
	}

	private static List<Integer> counts(List<MeasureReport.MeasureReportGroupPopulationComponent> populations) {
		return populations.stream().map(MeasureReport.MeasureReportGroupPopulationComponent::getCount).toList();
	}

	/** "stratum initial/denominator/numerator score" per stratum. */
	private static List<String> strata(MeasureReport.MeasureReportGroupComponent group, String stratifier) {
		return group.getStratifier().stream().filter(s -> stratifier.equals(s.getCodeFirstRep().getCodingFirstRep().getCode()))
				.flatMap(s -> s.getStratum().stream()).map(stratum -> stratum.getValue().getText() + " "
						+ String.join("/", stratum.getPopulation().stream().map(p -> Integer.toString(p.getCount())).toList()) + " "
						+ (stratum.getMeasureScore().hasValue() ? stratum.getMeasureScore().getValue().toPlainString() : "-")).toList();
	}

	private List<String> expressions(HttpResponse<String> response) {
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		return outcome.getIssue().stream().flatMap(issue -> issue.getExpression().stream()).map(e -> e.getValue()).toList();
	}

	private static Instant at(String date) {
		return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static String id() {
		return UUID.randomUUID().toString().substring(0, 18);
	}
}
