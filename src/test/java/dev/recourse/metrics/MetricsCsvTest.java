package dev.recourse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {
	@Test
	void oneLinePerNumber_crlf_fourDecimals_emptyWhenAbsent_quotedWhenNeeded() {
		MetricsResult result = new MetricsResult("Organization/o1", MetricsPeriod.of("2026-01-01", "2026-03-31"), Instant.EPOCH, List.of(
				new MeasureValue(MeasureValue.OUTCOMES, "overturn-rate", "", "", 3, 3, 2L, 2.0 / 3, "1"),
				new MeasureValue(MeasureValue.OUTCOMES, "overturn-rate", "payer", "Acme, \"Inc\"", 3, 0, 0L, null, "1"),
				new MeasureValue(MeasureValue.TIMING, "denial-to-submission-median", "", "", 3, 2, null, 2.5, "d")));

		assertThat(MetricsCsv.of(result)).isEqualTo(MetricsCsv.HEADER + "\r\n"
				+ "Organization/o1,2026-01-01,2026-03-31,recourse-denial-outcomes,overturn-rate,,,3,3,2,0.6667,1\r\n"
				+ "Organization/o1,2026-01-01,2026-03-31,recourse-denial-outcomes,overturn-rate,payer,\"Acme, \"\"Inc\"\"\",3,0,0,,1\r\n"
				+ "Organization/o1,2026-01-01,2026-03-31,recourse-denial-timing,denial-to-submission-median,,,3,2,,2.5000,d\r\n");
	}
}
