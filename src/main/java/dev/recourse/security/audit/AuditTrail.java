package dev.recourse.security.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import dev.recourse.security.Caller;
import dev.recourse.server.ScopedStorageSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where audit events are stored: HAPI's AuditEvent DAO, called as the system — interceptors registered on
 * the FHIR endpoint never see system requests, so storing an event is never itself audited.
 *
 * <p>When is decided by the transaction the event is recorded in:
 * <ul>
 *   <li>a write transaction (HAPI's pre-commit hooks of a create, update or delete): the event joins it,
 *       committed or rolled back with the change it records;
 *   <li>a read-only transaction (HAPI runs reads and searches in one): the event waits on the request and is
 *       written in one transaction of its own before the response goes out ({@link #flushPending}) — writing
 *       it at once would need a second connection while the first is held, which starves the pool under load;
 *   <li>none: written at once in a transaction of its own.
 * </ul>
 * A failure to store propagates, so a response never goes out without its audit record.
 */
@Component
public class AuditTrail implements IBalpAuditEventSink {
	private static final String PENDING = AuditTrail.class.getName() + ".pending";

	private final DaoRegistry daos;
	private final CallerAgents agents;
	private final TransactionTemplate transaction;
	private final TransactionTemplate separateTransaction;

	AuditTrail(DaoRegistry daos, CallerAgents agents, PlatformTransactionManager transactionManager) {
		this.daos = daos;
		this.agents = agents;
		this.transaction = new TransactionTemplate(transactionManager);
		this.separateTransaction = new TransactionTemplate(transactionManager);
		separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** An event from HAPI's BALP interceptor: completed with the caller's token context, then stored. */
	@Override
	public void recordAuditEvent(AuditEvent event) {
		Optional<HttpServletRequest> request = currentRequest();
		if (request.filter(OperationWrites::summarizing).isPresent()) {
			return; // a bulk write of an operation: its own event and Provenance record it
		}
		agents.addTokenContext(event, request.flatMap(Caller::of));
		store(event, request);
	}

	/** Stores a complete event now, in the current write transaction if there is one, else waiting on the request. */
	void store(AuditEvent event, Optional<HttpServletRequest> request) {
		boolean readOnly = TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		if (!readOnly) {
			write(event);
		} else if (request.isPresent()) {
			pending(request.get()).add(event);
		} else {
			// no request to wait on (not an HTTP thread): the rare case that pays for a second connection
			separateTransaction.executeWithoutResult(status -> write(event));
		}
	}

	/** Writes the events that waited for a read-only transaction to end, all in one transaction. */
	void flushPending(HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		List<AuditEvent> events = (List<AuditEvent>) request.getAttribute(PENDING);
		if (events == null || events.isEmpty()) {
			return;
		}
		request.removeAttribute(PENDING);
		transaction.executeWithoutResult(status -> events.forEach(this::write));
	}

	private void write(AuditEvent event) {
		IFhirResourceDao<AuditEvent> dao = daos.getResourceDao(AuditEvent.class);
		ScopedStorageSettings.allowingExternalReferences(() -> dao.create(event, new SystemRequestDetails()));
	}

	private static List<AuditEvent> pending(HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		List<AuditEvent> events = (List<AuditEvent>) request.getAttribute(PENDING);
		if (events == null) {
			events = new ArrayList<>();
			request.setAttribute(PENDING, events);
		}
		return events;
	}

	/**
	 * The HTTP request this thread serves. BALP's sink receives only the event, so the request (and the
	 * caller on it) comes from Spring's request context, which its RequestContextFilter sets for every request.
	 */
	private static Optional<HttpServletRequest> currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? Optional.of(attributes.getRequest())
				: Optional.empty();
	}
}
