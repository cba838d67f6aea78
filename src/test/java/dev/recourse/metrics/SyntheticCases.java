package dev.recourse.metrics;

import dev.recourse.metrics.MetricsFixtures.CaseSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases with a realistic spread for the benchmark — 8 payers, 8 categories, 20 drugs, 6 pathways; 85 % filed (some
 * after their deadline), 70 % of those decided (60 % overturned), 60 % with a payer decision clock (some missed) —
 * and the read-model row each must give. The same specs are written through the FHIR API (the storage hooks make the
 * rows) and, for volume, seeded as rows directly: {@link #expectedRow} is what both must agree on.
 */
final class SyntheticCases {
	static final List<String> CATEGORIES = List.of("medical-necessity", "step-therapy", "non-formulary", "quantity-limit",
			"off-label", "prior-auth-missing", "experimental-investigational", "site-of-service");
	static final List<String> PATHWAYS = List.of("internal-appeal", "expedited-internal-appeal", "formulary-exception",
			"step-therapy-exception", "external-review", "peer-to-peer");
	private static final Instant YEAR = LocalDate.parse("2025-01-01").atStartOfDay(ZoneOffset.UTC).toInstant();

	private SyntheticCases() {
	}

	static List<CaseSpec> generate(String prefix, String org, int count, long seed) {
		Random random = new Random(seed);
		List<CaseSpec> specs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Instant denied = YEAR.plusSeconds(random.nextInt(365 * 86400));
			LocalDate deadline = LocalDate.ofInstant(denied, ZoneOffset.UTC).plusDays(14 + random.nextInt(170));
			boolean filed = random.nextInt(100) < 85;
			Instant submitted = filed ? denied.plusSeconds(3600L + random.nextInt(200 * 86400)) : null;
			boolean decided = filed && random.nextInt(100) < 70;
			Instant decidedAt = decided ? submitted.plusSeconds(3600L + random.nextInt(40 * 86400)) : null;
			Instant due = filed && random.nextInt(100) < 60 ? submitted.plusSeconds((random.nextBoolean() ? 3 : 30) * 86400L) : null;
			String outcome = decided ? List.of("approved", "approved", "partially-approved", "upheld", "upheld").get(random.nextInt(5)) : null;
			specs.add(new CaseSpec(prefix + i, org, "payer-" + random.nextInt(8), CATEGORIES.get(random.nextInt(CATEGORIES.size())),
					Integer.toString(1000 + random.nextInt(20)), PATHWAYS.get(random.nextInt(PATHWAYS.size())), denied, deadline,
					submitted, due, decidedAt, outcome));
		}
		return specs;
	}

	/** The row, column by column as {@link MetricsTables} declares them (case_id first). */
	static List<Object> expectedRow(CaseSpec spec) {
		String stage = spec.outcome() != null ? spec.outcome() : spec.submittedAt() != null ? "submitted" : "triaged";
		return java.util.Arrays.asList("case-denial-" + spec.id(), MetricsFixtures.ORG_SYSTEM + "|" + spec.org(),
				MetricsFixtures.PAYER_SYSTEM + "|" + spec.payer(), spec.category(), MetricsFixtures.RXNORM + "|" + spec.service(),
				spec.deniedAt().getEpochSecond(), stage, seconds(spec.submittedAt()), spec.pathway(), spec.deadline().toEpochDay(),
				seconds(spec.decisionDue()), seconds(spec.decidedAt()), spec.outcome());
	}

	static final String COLUMNS = "case_id, org_key, payer, category, service, denied_at, stage, submitted_at, pathway,"
			+ " filing_deadline, decision_due, decided_at, outcome";

	/** Seeds the rows directly, in batches (the benchmark's volume would take hours through the FHIR write path). */
	static void seed(JdbcTemplate jdbc, List<CaseSpec> specs) {
		String insert = "INSERT INTO " + MetricsTables.CASES + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		for (int from = 0; from < specs.size(); from += 5000) {
			List<Object[]> batch = specs.subList(from, Math.min(specs.size(), from + 5000)).stream()
					.map(spec -> expectedRow(spec).toArray()).toList();
			jdbc.batchUpdate(insert, batch);
		}
	}

	/** Payer-side rows: received over a year, 20 % expedited, 10 % appeals, 90 % decided. */
	static void seedRequests(JdbcTemplate jdbc, String prefix, String org, int count, long seed) {
		Random random = new Random(seed);
		String insert = "INSERT INTO " + MetricsTables.REQUESTS + " (response_id, org_key, received_at, expedited, appeal, decided_at,"
				+ " outcome) VALUES (?, ?, ?, ?, ?, ?, ?)";
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long received = YEAR.getEpochSecond() + random.nextInt(365 * 86400);
			boolean expedited = random.nextInt(100) < 20;
			boolean decided = random.nextInt(100) < 90;
			batch.add(new Object[] {prefix + i, MetricsFixtures.ORG_SYSTEM + "|" + org, received, expedited, random.nextInt(100) < 10,
					decided ? received + random.nextInt(expedited ? 4 * 86400 : 20 * 86400) : null,
					decided ? List.of("approved", "denied", "partially-approved").get(random.nextInt(3)) : null});
			if (batch.size() == 5000 || i == count - 1) {
				jdbc.batchUpdate(insert, batch);
				batch.clear();
			}
		}
	}

	private static Long seconds(Instant instant) {
		return instant == null ? null : instant.getEpochSecond();
	}
}
