package dev.recourse.metrics;

import java.time.Instant;
import java.util.List;

/** An evaluation: whose, for which period, when, and every number (total rows first within each group). */
record MetricsResult(String organization, MetricsPeriod period, Instant evaluatedAt, List<MeasureValue> values) {
}
