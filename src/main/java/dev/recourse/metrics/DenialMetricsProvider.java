package dev.recourse.metrics;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code Organization/[id]/$denial-metrics}: the organization's denial metrics for a period, as MeasureReports (a
 * collection Bundle) or, with {@code _format=csv} or {@code Accept: text/csv}, as CSV.
 */
@Component
class DenialMetricsProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Organization-denial-metrics";
	static final String CSV = "text/csv";
	private final DenialMetrics metrics;

	DenialMetricsProvider(DenialMetrics metrics) {
		this.metrics = metrics;
	}

	@RequiresAccess(resourceType = "Organization", verbs = Verb.READ)
	@RequiresAccess(resourceType = "MeasureReport", verbs = Verb.READ)
	@Operation(name = "$denial-metrics", type = Organization.class, idempotent = true, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Denial metrics of an organization for a period: CMS-0057-F prior-authorization measures, overturn rates, timeliness")
	public IBaseResource denialMetrics(@IdParam IdType organizationId,
			@OperationParam(name = "periodStart", min = 1, max = 1) StringType periodStart,
			@OperationParam(name = "periodEnd", min = 1, max = 1) StringType periodEnd,
			RequestDetails request) {
		MetricsResult result = metrics.evaluate(organizationId, value(periodStart), value(periodEnd), request);
		if (!wantsCsv(request)) {
			return MeasureReports.of(result);
		}
		Binary csv = new Binary().setContentType(CSV + "; charset=utf-8");
		csv.setData(MetricsCsv.of(result).getBytes(StandardCharsets.UTF_8));
		return csv;
	}

	private static String value(StringType parameter) {
		return parameter == null ? null : parameter.getValue();
	}

	private static boolean wantsCsv(RequestDetails request) {
		String[] format = request.getParameters().get("_format");
		if (format != null && format.length > 0) {
			return format[0].toLowerCase(Locale.ROOT).contains("csv");
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV);
	}
}
