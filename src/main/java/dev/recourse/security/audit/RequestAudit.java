package dev.recourse.security.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.recourse.common.ServerInterceptor;
import dev.recourse.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The endpoint's audit hooks beside HAPI's BALP ones ({@link BalpAudit}): history reads, operations, and
 * requests that failed — refusals (401, 403) among them — and, before each response goes out, storing the
 * events recorded inside the request's read-only transactions ({@link AuditTrail}).
 */
@Component
@Interceptor
@ConditionalOnProperty(name = AuditProperties.ENABLED, havingValue = "true", matchIfMissing = true)
class RequestAudit implements ServerInterceptor {
	private static final Logger log = LoggerFactory.getLogger(RequestAudit.class);
	private static final Set<RestOperationTypeEnum> OPERATIONS = EnumSet.of(
			RestOperationTypeEnum.EXTENDED_OPERATION_SERVER,
			RestOperationTypeEnum.EXTENDED_OPERATION_TYPE,
			RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);
	private static final Set<RestOperationTypeEnum> HISTORY = EnumSet.of(
			RestOperationTypeEnum.HISTORY_INSTANCE,
			RestOperationTypeEnum.HISTORY_TYPE,
			RestOperationTypeEnum.HISTORY_SYSTEM);

	private final AuditTrail trail;
	private final AuditEventWriter writer;
	private final OperationPatients patients;

	RequestAudit(AuditTrail trail, AuditEventWriter writer, OperationPatients patients) {
		this.trail = trail;
		this.writer = writer;
		this.patients = patients;
	}

	/** History is a read of patient data that BALP leaves out. */
	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void history(IPreResourceShowDetails shown, ServletRequestDetails request) {
		if (request == null || !HISTORY.contains(request.getRestOperationType())) {
			return;
		}
		HttpServletRequest http = request.getServletRequest();
		Attempt.of(http).ifPresent(attempt -> trail.store(
				writer.success(attempt, context(request, http), OperationPatients.owners(request.getFhirContext(), shown.getAllResources())),
				Optional.of(http)));
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void beforeResponse(RequestDetails request, ServletRequestDetails servletRequest, ResponseDetails response) {
		if (servletRequest == null) {
			return;
		}
		HttpServletRequest http = servletRequest.getServletRequest();
		trail.flushPending(http);
		if (OPERATIONS.contains(request.getRestOperationType())) {
			Set<String> touched = new TreeSet<>(patients.of(request, response.getResponseResource()));
			touched.addAll(OperationWrites.patients(http));
			Attempt.of(http).ifPresent(attempt -> trail.store(writer.success(attempt, context(request, http), touched), Optional.of(http)));
		}
	}

	/**
	 * A failed request is recorded with what it attempted and its status. The request has failed already,
	 * so a failure to store the record is logged (without its details, which may name patient data) rather
	 * than thrown into HAPI's error handling.
	 */
	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	public boolean failed(RequestDetails request, HttpServletRequest http, BaseServerResponseException failure) {
		try {
			trail.flushPending(http);
			Attempt.of(http).ifPresent(attempt -> trail.store(
					writer.failure(attempt, context(request, http), failure.getStatusCode()), Optional.of(http)));
		} catch (RuntimeException e) {
			log.error("Audit record of a failed request ({}) could not be stored: {}", failure.getStatusCode(), e.getClass().getName());
		}
		return true;
	}

	/** Whatever is still waiting when a request ends some other way is stored now. */
	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void completed(ServletRequestDetails request) {
		if (request == null || request.getServletRequest() == null) {
			return;
		}
		try {
			trail.flushPending(request.getServletRequest());
		} catch (RuntimeException e) {
			log.error("Pending audit records could not be stored: {}", e.getClass().getName());
		}
	}

	private static AuditContext context(RequestDetails request, HttpServletRequest http) {
		return new AuditContext(request.getFhirServerBase(), request.getRequestId(), http.getRemoteAddr(), Caller.of(http));
	}
}
