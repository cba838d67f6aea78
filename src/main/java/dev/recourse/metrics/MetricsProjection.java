package dev.recourse.metrics;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import dev.recourse.common.StorageInterceptor;
import java.time.Instant;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Keeps the metrics read model in step with the FHIR writes, inside their transaction (HAPI's pre-commit storage
 * hooks): a case Task, a submission Task or a payer-side answer written is its row written, a deleted one its row
 * removed. A failure here fails the write, so the read model is never behind the resources; it holds no state of its
 * own, so any number of instances may share the database.
 */
@Component
@Interceptor
public class MetricsProjection implements StorageInterceptor {
	private final MetricsSources sources;
	private final MetricsRows rows;

	MetricsProjection(MetricsSources sources, MetricsRows rows) {
		this.sources = sources;
		this.rows = rows;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		project(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource oldResource, IBaseResource newResource) {
		project(newResource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		if (resource instanceof Task task && CaseFacts.isCase(task)) {
			rows.forget(MetricsTables.CASES, "case_id", task.getIdElement().getIdPart());
		} else if (resource instanceof ClaimResponse response && RequestFacts.isPayerAnswer(response)) {
			rows.forget(MetricsTables.REQUESTS, "response_id", response.getIdElement().getIdPart());
		}
	}

	/** One version of a resource into the read model; the rebuild replays versions through here too. */
	void project(IBaseResource resource) {
		if (resource instanceof Task task && CaseFacts.isCase(task)) {
			rows.recordCase(CaseFacts.of(task, sources.denialOf(task)));
		} else if (resource instanceof Task task && CaseFacts.hasCode(task, "submission")) {
			SubmissionClock.of(task).ifPresent(clock -> rows.recordDecisionDue(clock.caseId(), clock.due()));
		} else if (resource instanceof ClaimResponse response && RequestFacts.isPayerAnswer(response)) {
			Instant stored = response.getMeta().hasLastUpdated() ? response.getMeta().getLastUpdated().toInstant() : Instant.now();
			rows.recordRequest(RequestFacts.of(response, sources.requestOf(response), sources.payerOf(response), stored.getEpochSecond()));
		}
	}
}
