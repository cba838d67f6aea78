package dev.recourse.metrics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the read model's rows, on the connection of the transaction that is open (HAPI's JPA transaction during a
 * storage hook), so a row changes exactly when the FHIR write it is read from commits. A row is updated, or inserted
 * when there is none; the first submission and the first decision of a case, once recorded, are kept (COALESCE), so
 * replaying a resource's versions oldest first gives the same row as the writes did.
 */
@Component
class MetricsRows {
	private static final String UPDATE_CASE = "UPDATE " + MetricsTables.CASES + " SET org_key = COALESCE(org_key, ?),"
			+ " payer = COALESCE(payer, ?), service = COALESCE(service, ?), denied_at = COALESCE(denied_at, ?),"
			+ " category = COALESCE(?, category), stage = ?,"
			+ " pathway = CASE WHEN submitted_at IS NULL THEN ? ELSE pathway END,"
			+ " filing_deadline = CASE WHEN submitted_at IS NULL THEN ? ELSE filing_deadline END,"
			+ " submitted_at = COALESCE(submitted_at, ?), decided_at = COALESCE(decided_at, ?), outcome = COALESCE(outcome, ?)"
			+ " WHERE case_id = ?";
	private static final String INSERT_CASE = "INSERT INTO " + MetricsTables.CASES + " (org_key, payer, service, denied_at, category,"
			+ " stage, pathway, filing_deadline, submitted_at, decided_at, outcome, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	private static final String UPDATE_DUE = "UPDATE " + MetricsTables.CASES + " SET decision_due = ? WHERE case_id = ?";
	private static final String INSERT_DUE = "INSERT INTO " + MetricsTables.CASES + " (decision_due, case_id) VALUES (?, ?)";
	private static final String UPDATE_REQUEST = "UPDATE " + MetricsTables.REQUESTS + " SET org_key = COALESCE(org_key, ?),"
			+ " received_at = COALESCE(received_at, ?), expedited = COALESCE(expedited, ?), appeal = COALESCE(appeal, ?),"
			+ " decided_at = COALESCE(decided_at, ?), outcome = COALESCE(outcome, ?) WHERE response_id = ?";
	private static final String INSERT_REQUEST = "INSERT INTO " + MetricsTables.REQUESTS + " (org_key, received_at, expedited,"
			+ " appeal, decided_at, outcome, response_id) VALUES (?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	MetricsRows(MetricsTables tables) {
		this.jdbc = tables.jdbc();
	}

	/** The ids of the rows one organization has in a table (cases by case_id, payer answers by response_id). */
	java.util.List<String> idsOf(String table, String idColumn, String orgKey) {
		return jdbc.queryForList("SELECT " + idColumn + " FROM " + table + " WHERE org_key = ? ORDER BY " + idColumn, String.class, orgKey);
	}

	void recordCase(CaseFacts facts) {
		Object[] values = {facts.orgKey(), facts.payer(), facts.service(), facts.deniedAt(), facts.category(), facts.stage(),
				facts.pathway(), facts.deadline(), facts.submitted() ? facts.changedAt() : null,
				facts.decided() ? facts.changedAt() : null, facts.decided() ? facts.stage() : null, facts.caseId()};
		if (jdbc.update(UPDATE_CASE, values) == 0) {
			jdbc.update(INSERT_CASE, values);
		}
	}

	/** The payer's decision clock of the case's latest submission. */
	void recordDecisionDue(String caseId, long due) {
		if (jdbc.update(UPDATE_DUE, due, caseId) == 0) {
			jdbc.update(INSERT_DUE, due, caseId);
		}
	}

	void recordRequest(RequestFacts facts) {
		Object[] values = {facts.orgKey(), facts.receivedAt(), facts.expedited(), facts.appeal(),
				facts.outcome().isPresent() ? facts.changedAt() : null, facts.outcome().orElse(null), facts.responseId()};
		if (jdbc.update(UPDATE_REQUEST, values) == 0) {
			jdbc.update(INSERT_REQUEST, values);
		}
	}

	void forget(String table, String idColumn, String id) {
		jdbc.update("DELETE FROM " + table + " WHERE " + idColumn + " = ?", id);
	}

	/** Drops the row a case Task or payer answer keeps (a submission Task's clock lives on its case's row: kept). */
	void forget(org.hl7.fhir.instance.model.api.IBaseResource resource) {
		if (resource instanceof org.hl7.fhir.r4.model.Task task && CaseFacts.isCase(task)) {
			forget(MetricsTables.CASES, "case_id", task.getIdElement().getIdPart());
		} else if (resource instanceof org.hl7.fhir.r4.model.ClaimResponse response) {
			forget(MetricsTables.REQUESTS, "response_id", response.getIdElement().getIdPart());
		}
	}
}
