package dev.recourse.security.audit;

import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;

/**
 * The FHIR RESTful interactions ({@code http://hl7.org/fhir/restful-interaction}) with the action BALP
 * records for each: queries and operations are executions (E), as in BALP's Query profile.
 */
enum Interaction {
	READ("read", AuditEventAction.R),
	VREAD("vread", AuditEventAction.R),
	UPDATE("update", AuditEventAction.U),
	PATCH("patch", AuditEventAction.U),
	DELETE("delete", AuditEventAction.D),
	HISTORY_INSTANCE("history-instance", AuditEventAction.E),
	HISTORY_TYPE("history-type", AuditEventAction.E),
	HISTORY_SYSTEM("history-system", AuditEventAction.E),
	CREATE("create", AuditEventAction.C),
	SEARCH_TYPE("search-type", AuditEventAction.E),
	SEARCH_SYSTEM("search-system", AuditEventAction.E),
	CAPABILITIES("capabilities", AuditEventAction.R),
	TRANSACTION("transaction", AuditEventAction.E),
	OPERATION("operation", AuditEventAction.E);

	static final String SYSTEM = "http://hl7.org/fhir/restful-interaction";

	private final String code;
	private final AuditEventAction action;

	Interaction(String code, AuditEventAction action) {
		this.code = code;
		this.action = action;
	}

	String code() {
		return code;
	}

	AuditEventAction action() {
		return action;
	}

	boolean isSearch() {
		return this == SEARCH_TYPE || this == SEARCH_SYSTEM;
	}
}
