package dev.recourse.metrics;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.security.Caller;
import dev.recourse.server.LocalRepositories;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.stereotype.Service;

/**
 * An organization's denial metrics for a period: not for a patient-confined token (403) → period (400 naming the parameter) → the Organization, read as the
 * caller (404) → its keys: every identifier and its own reference → the provider side's numbers (cases whose denial
 * it received) and the payer side's (requests it received and decided), both aggregated in SQL.
 */
@Service
class DenialMetrics {
	private final LocalRepositories repositories;
	private final CaseMetricsQuery cases;
	private final RequestMetricsQuery requests;
	private final Clock clock;

	DenialMetrics(LocalRepositories repositories, CaseMetricsQuery cases, RequestMetricsQuery requests) {
		this.repositories = repositories;
		this.cases = cases;
		this.requests = requests;
		this.clock = Clock.systemUTC();
	}

	MetricsResult evaluate(IdType organizationId, String periodStart, String periodEnd, RequestDetails request) {
		if (Caller.of(request).filter(Caller::confinedToPatient).isPresent()) {
			throw new RecourseException(RecourseError.FORBIDDEN, "Organization",
					"Denial metrics count every patient's cases; a token confined to one patient may not read them");
		}
		MetricsPeriod period = MetricsPeriod.of(periodStart, periodEnd);
		Organization organization = repositories.forRequest(request)
				.read(Organization.class, new IdType("Organization", organizationId.getIdPart()));
		MetricsScope scope = new MetricsScope(keys(organization), period.fromSecond(), period.untilSecond(), clock.instant().getEpochSecond());
		List<MeasureValue> values = new ArrayList<>(cases.run(scope));
		values.addAll(requests.run(scope));
		return new MetricsResult("Organization/" + organization.getIdElement().getIdPart(), period, clock.instant(), values);
	}

	static List<String> keys(Organization organization) {
		Set<String> keys = new LinkedHashSet<>();
		organization.getIdentifier().stream().filter(Identifier::hasValue).map(OrgKeys::key).forEach(keys::add);
		keys.add("Organization/" + organization.getIdElement().getIdPart());
		return List.copyOf(keys);
	}
}
