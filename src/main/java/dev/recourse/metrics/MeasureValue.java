package dev.recourse.metrics;

/**
 * One number of a report: a group of a measure, for all of the organization's population or one stratum of it.
 *
 * @param stratifier empty for the group's total; else payer, category, service or pathway
 * @param score the rate (numerator / denominator), the average or the median; null when there is nothing to measure
 * @param unit of the score: "1" for a rate, "d" or "h" for a time (UCUM)
 */
record MeasureValue(String measure, String group, String stratifier, String stratum, long initialPopulation, long denominator,
		Long numerator, Double score, String unit) {
	static final String OUTCOMES = "recourse-denial-outcomes";
	static final String TIMING = "recourse-denial-timing";
	static final String CMS_0057_F = "cms-0057-f-prior-authorization";
	static final String CMS_0057_F_TIME = "cms-0057-f-decision-time";

	static Double rate(long numerator, long denominator) {
		return denominator == 0 ? null : (double) numerator / denominator;
	}

	/** The score as reported, MeasureReport and CSV alike: four decimals. */
	java.math.BigDecimal reportedScore() {
		return score == null ? null : java.math.BigDecimal.valueOf(score).setScale(4, java.math.RoundingMode.HALF_UP);
	}

	/** A proportion (unitless rate) as against a continuous variable (a time). */
	boolean proportion() {
		return "1".equals(unit);
	}

	boolean total() {
		return stratifier.isEmpty();
	}
}
