package dev.recourse.security.guard;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.ServerInterceptor;
import dev.recourse.security.Caller;
import dev.recourse.security.guard.MassAssignmentPolicy.Label;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Applies {@link MassAssignmentPolicy} to every write a caller sends over HTTP: create, update, patch,
 * conditional writes and each entry of a batch or transaction (HAPI fires these storage hooks on the
 * endpoint's interceptors for all of them), and refuses {@code $meta-add} / {@code $meta-delete}, whose
 * storage hooks reach only HAPI's global interceptors.
 *
 * <p>Out of scope, by design: internal writes (no {@link Caller}), and writes an operation makes on the
 * caller's behalf ({@code $open-case} storing {@code Task/case-…}): the server chose those ids and labels,
 * and each operation answers for what it writes.
 */
@Component
@Interceptor
public class MassAssignmentGuard implements ServerInterceptor {
	// Ahead of interceptors that stamp labels of their own, so the policy judges what the caller sent.
	private static final int FIRST = -1000;
	private static final Set<String> META_OPERATIONS =
			Set.of(JpaConstants.OPERATION_META_ADD, JpaConstants.OPERATION_META_DELETE);

	/**
	 * Marks a request to an operation, in its user data: HAPI copies user data into the request details of the writes an
	 * operation makes through a repository (a transaction's entries), where {@code getOperation()} no longer names it.
	 */
	static final String OPERATION_WRITES = MassAssignmentGuard.class.getName() + ".operation";

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void beforeHandling(RequestDetails request) {
		String operation = request.getOperation();
		if (isOperation(operation)) {
			request.getUserData().put(OPERATION_WRITES, operation);
		}
		// Set.of(...).contains(null) throws; most requests name no operation
		if (operation != null && META_OPERATIONS.contains(operation)) {
			Caller.of(request).ifPresent(caller -> MassAssignmentPolicy.checkMetaOperation(caller, operation));
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_CLIENT_ASSIGNED_ID, order = FIRST)
	public void beforeChosenId(IBaseResource resource, RequestDetails request) {
		callerSending(request).ifPresent(caller -> MassAssignmentPolicy.checkChosenId(caller, resource));
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = FIRST)
	public void beforeCreate(IBaseResource resource, RequestDetails request) {
		callerSending(request).ifPresent(caller -> MassAssignmentPolicy.checkCreate(caller, resource));
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = FIRST)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource, RequestDetails request) {
		callerSending(request).ifPresent(caller ->
				MassAssignmentPolicy.checkUpdate(caller, oldResource, newResource, replacedLabels(request)));
	}

	/** The caller, when the resource being written is what it sent rather than what an operation built. */
	static Optional<Caller> callerSending(RequestDetails request) {
		if (request == null) {
			return Optional.empty();
		}
		if (isOperation(request.getOperation()) || request.getUserData().containsKey(OPERATION_WRITES)) {
			return Optional.empty();
		}
		return Caller.of(request);
	}

	private static boolean isOperation(String operation) {
		return operation != null && operation.startsWith("$");
	}

	/**
	 * The labels HAPI replaces instead of merging on this request ({@code X-Meta-Snapshot-Mode: TAG, SECURITY_LABEL}),
	 * read exactly as HAPI reads the header (case-sensitive tokens).
	 */
	static Set<Label> replacedLabels(RequestDetails request) {
		Set<Label> replaced = EnumSet.noneOf(Label.class);
		List<String> headers = request.getHeaders(JpaConstants.HEADER_META_SNAPSHOT_MODE);
		if (headers == null) {
			return replaced;
		}
		for (String header : headers) {
			for (String token : header.split(",")) {
				for (Label label : Label.values()) {
					if (label.snapshotToken().equals(token.trim())) {
						replaced.add(label);
					}
				}
			}
		}
		return replaced;
	}
}
