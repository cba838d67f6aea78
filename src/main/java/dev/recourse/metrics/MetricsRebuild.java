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
 * running it again gives the same rows. Run at start-up when this instance created the tables (a database from before
 * the read model).
 */
@Component
class MetricsRebuild {
	private static final Logger log = LoggerFactory.getLogger(MetricsRebuild.class);
	private static final int PAGE = 100;
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

	@EventListener(ApplicationReadyEvent.class)
	void backfillNewTables() {
		if (tables.createdNow()) {
			log.info("Metrics read model created: {} rows filled from the resources on file", rebuild());
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
			versions += replay(tasks, tasks.read(new IdType("Task", caseId), server), server);
			SearchParameterMap submissions = SearchParameterMap.newSynchronous("part-of", new ReferenceParam("Task/" + caseId))
					.add("code", new TokenParam(CaseFacts.CASE_TYPE, "submission"));
			for (IBaseResource submission : tasks.search(submissions, server).getAllResources()) {
				versions += replay(tasks, submission, server);
			}
		}
		for (String responseId : rows.idsOf(MetricsTables.REQUESTS, "response_id", orgKey)) {
			versions += replay(responses, responses.read(new IdType("ClaimResponse", responseId), server), server);
		}
		return versions;
	}

	/** One page of the current resources by offset: a synchronous search alone stops at the default page size. */
	private static List<IBaseResource> page(IFhirResourceDao<? extends IBaseResource> dao, String parameter, TokenParam token, int from,
			SystemRequestDetails server) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(parameter, token);
		map.setOffset(from);
		map.setCount(PAGE);
		map.setSort(new ca.uhn.fhir.rest.api.SortSpec("_id"));
		return dao.search(map, server).getResources(0, PAGE);
	}

	private int replay(Class<? extends IBaseResource> type, TokenParam token, String parameter) {
		IFhirResourceDao<? extends IBaseResource> dao = daos.getResourceDao(type);
		SystemRequestDetails server = new SystemRequestDetails();
		int versions = 0;
		for (int from = 0; ; from += PAGE) {
			List<IBaseResource> page = page(dao, parameter, token, from, server);
			if (page.isEmpty()) {
				return versions;
			}
			for (IBaseResource resource : page) {
				versions += replay(dao, resource, server);
			}
		}
	}

	private int replay(IFhirResourceDao<? extends IBaseResource> dao, IBaseResource resource, SystemRequestDetails server) {
		Integer replayed = transaction.execute(status -> replayOne(dao, resource, server));
		return replayed == null ? 0 : replayed;
	}

	/** One resource: its row dropped, its versions replayed oldest first. */
	private int replayOne(IFhirResourceDao<? extends IBaseResource> dao, IBaseResource resource, SystemRequestDetails server) {
		rows.forget(resource);
		List<IBaseResource> history = new ArrayList<>(dao.history(resource.getIdElement().toUnqualifiedVersionless(),
				null, null, null, server).getAllResources());
		Collections.reverse(history); // HAPI lists a history newest first
		history.forEach(projection::project);
		int versions = history.size();
		return versions;
	}
}
