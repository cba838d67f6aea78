package dev.recourse.metrics;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the read model from the FHIR resources on file: for every case Task, submission Task and payer answer, its row
 * is dropped and every version replayed, oldest first, through the same projection the storage hooks run. One
 * transaction per resource (one for everything, or even per page, made Hibernate re-check an ever-growing session on
 * every query: many minutes for a thousand cases), so while it runs a reader may see part of the rows old and part new;
 * running it again gives the same rows. Run in the background at start-up when this instance created the tables on a
 * database that already held cases (one from before the read model).
 */
@Component
class MetricsRebuild {
	private static final Logger log = LoggerFactory.getLogger(MetricsRebuild.class);
	private final DaoRegistry daos;
	private final MetricsProjection projection;
	private final MetricsRows rows;
	private final MetricsTables tables;
	private final TransactionTemplate transaction;

	MetricsRebuild(DaoRegistry daos, MetricsProjection projection, MetricsRows rows, MetricsTables tables,
			PlatformTransactionManager transactionManager) {
		this.daos = daos;
		this.projection = projection;
		this.rows = rows;
		this.tables = tables;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** In the background: a large database takes long to replay, and the server answers meanwhile (metrics partly filled). */
	@EventListener(ApplicationReadyEvent.class)
	void backfillNewTables() {
		if (tables.backfillNeeded()) {
			Thread backfill = new Thread(() -> {
				try {
					log.info("Metrics read model created on a database with cases: {} versions replayed", rebuild());
				} catch (RuntimeException failed) {
					log.error("Metrics backfill stopped ({}); run MetricsRebuild again", failed.getClass().getSimpleName());
				}
			}, "metrics-backfill");
			backfill.setDaemon(true);
			backfill.start();
		}
	}

	/** @return the number of resource versions replayed */
	int rebuild() {
		int versions = replay(Task.class, new TokenParam(CaseFacts.CASE_TYPE, "recourse-case"), "code");
		versions += replay(Task.class, new TokenParam(CaseFacts.CASE_TYPE, "submission"), "code");
		return versions + replay(ClaimResponse.class, new TokenParam(RequestFacts.TRACKING_NUMBER_SYSTEM, null), "identifier");
	}

	/**
	 * One organization's rows replayed from their resources (its cases, their submissions and its payer answers): after a
	 * correction to that organization's data, without walking every case on file.
	 *
	 * @return the number of resource versions replayed
	 */
	int rebuild(String orgKey) {
		IFhirResourceDao<Task> tasks = daos.getResourceDao(Task.class);
		IFhirResourceDao<ClaimResponse> responses = daos.getResourceDao(ClaimResponse.class);
		SystemRequestDetails server = new SystemRequestDetails();
		int versions = 0;
		for (String caseId : rows.idsOf(MetricsTables.CASES, "case_id", orgKey)) {
			versions += replay(tasks, new IdType("Task", caseId), server);
			SearchParameterMap submissions = SearchParameterMap.newSynchronous("part-of", new ReferenceParam("Task/" + caseId))
					.add("code", new TokenParam(CaseFacts.CASE_TYPE, "submission"));
			for (IIdType submission : idsOf(tasks, submissions, server)) {
				versions += replay(tasks, submission, server);
			}
		}
		for (String responseId : rows.idsOf(MetricsTables.REQUESTS, "response_id", orgKey)) {
			versions += replay(responses, new IdType("ClaimResponse", responseId), server);
		}
		return versions;
	}

	/** Every id first (ids only, not the resources), then each resource's history replayed in a transaction of its own. */
	private int replay(Class<? extends IBaseResource> type, TokenParam token, String parameter) {
		IFhirResourceDao<? extends IBaseResource> dao = daos.getResourceDao(type);
		SystemRequestDetails server = new SystemRequestDetails();
		int versions = 0;
		for (IIdType id : idsOf(dao, SearchParameterMap.newSynchronous(parameter, token), server)) {
			versions += replay(dao, id, server);
		}
		return versions;
	}

	private List<IIdType> idsOf(IFhirResourceDao<? extends IBaseResource> dao, SearchParameterMap search, SystemRequestDetails server) {
		List<IIdType> ids = transaction.execute(status -> dao.searchForResourceIds(search, server));
		return ids == null ? List.of() : ids;
	}

	private int replay(IFhirResourceDao<? extends IBaseResource> dao, IIdType id, SystemRequestDetails server) {
		Integer replayed = transaction.execute(status -> replayOne(dao, id, server));
		return replayed == null ? 0 : replayed;
	}

	/** One resource: its row dropped, its versions replayed oldest first. */
	private int replayOne(IFhirResourceDao<? extends IBaseResource> dao, IIdType id, SystemRequestDetails server) {
		List<IBaseResource> history = new ArrayList<>(dao.history(id.toUnqualifiedVersionless(), null, null, null, server).getAllResources());
		if (history.isEmpty()) {
			return 0;
		}
		rows.forget(history.get(0)); // HAPI lists a history newest first
		Collections.reverse(history);
		history.forEach(projection::project);
		return history.size();
	}
}
