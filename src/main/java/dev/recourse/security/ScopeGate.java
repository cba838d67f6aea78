package dev.recourse.security;

import dev.recourse.common.ServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationOutcomes;
import dev.recourse.common.RecourseError;
import dev.recourse.security.OperationAccess.Requirement;
import dev.recourse.security.SmartScope.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The checks HAPI's rule builder cannot express, made before the rules run: SMART v2's exact verbs
 * (read is not search, create is not update), what each operation needs, the interactions that are off
 * for everybody, and searches that could reveal data outside the caller's reach through chains or
 * {@code _has}. Internal requests (no HTTP caller) are not checked.
 */
@Interceptor
final class ScopeGate implements ServerInterceptor {
	private final OperationAccess operations;

	ScopeGate(OperationAccess operations) {
		this.operations = operations;
	}

	/** Runs before HAPI parses the body and before any narrowing, so a refused request does no work. */
	@Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = -100)
	public void checkRequest(RequestDetails request) {
		Optional<Caller> found = Caller.of(request);
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (found.isEmpty() || operation == null || operation == RestOperationTypeEnum.METADATA) {
			return;
		}
		Caller caller = found.get();
		String type = request.getResourceName();
		switch (operation) {
			case READ, VREAD, META -> need(caller, Verb.READ, type);
			case HISTORY_INSTANCE -> {
				// HAPI's rules cannot place a history request in a compartment before loading it
				if (!caller.mayUnrestricted(Verb.READ, type)) {
					throw forbidden(null, "_history needs a read scope on " + type
							+ " that is not confined to a patient or a filter; read a version with vread instead");
				}
			}
			case SEARCH_TYPE -> {
				need(caller, Verb.SEARCH, type);
				checkSearchParameters(caller, request.getParameters());
			}
			case SEARCH_SYSTEM -> needEverywhere(caller, Verb.SEARCH, "a search across all types");
			case GET_PAGE, TRANSACTION, BATCH -> {
				// pages were checked as the search that made them; bundle entries are checked one by one
			}
			case CREATE -> {
				need(caller, Verb.CREATE, type);
				checkConditional(caller, type, request.getHeader(Constants.HEADER_IF_NONE_EXIST));
			}
			case UPDATE, PATCH -> {
				need(caller, Verb.UPDATE, type);
				checkConditional(caller, type, request.getConditionalUrl(operation));
			}
			case DELETE -> {
				need(caller, Verb.DELETE, type);
				checkConditional(caller, type, request.getConditionalUrl(operation));
			}
			case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE ->
					checkOperation(caller, request.getOperation(), type);
			case META_ADD, META_DELETE, ADD_TAGS, DELETE_TAGS -> {
				if (!caller.isBackendService()) {
					throw forbidden("meta", "Only backend services may change a resource's tags and security labels");
				}
				need(caller, Verb.UPDATE, type);
			}
			default -> throw forbidden(null, operationName(operation) + " is disabled on this server");
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void checkCreate(RequestDetails request, IBaseResource resource) {
		Caller.of(request).ifPresent(caller -> need(caller, Verb.CREATE, typeOf(request, resource)));
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void checkUpdate(RequestDetails request, IBaseResource newResource) {
		Caller.of(request).ifPresent(caller -> need(caller, Verb.UPDATE, typeOf(request, newResource)));
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void checkDelete(RequestDetails request, IBaseResource resource) {
		Caller.of(request).ifPresent(caller -> need(caller, Verb.DELETE, typeOf(request, resource)));
	}

	private void checkOperation(Caller caller, String name, String type) {
		List<Requirement> requirements = operations.requirements(name, type)
				.orElseThrow(() -> forbidden(null, "The operation " + name + " is not available to API callers"));
		for (Requirement requirement : requirements) {
			if (requirement.payerOnly() && !(caller.payer() && caller.isBackendService())) {
				throw forbidden(null, name + " is for registered payer clients with a system scope");
			}
			String on = Requirement.TARGET_TYPE.equals(requirement.resourceType()) ? type : requirement.resourceType();
			if (on == null) {
				throw forbidden(null, name + " must be invoked on a resource type");
			}
			boolean granted = SmartScope.ANY_TYPE.equals(on)
					? requirement.anyOf().stream().allMatch(verb -> caller.mayUnrestricted(verb, SmartScope.ANY_TYPE)
							&& caller.isBackendService())
					: requirement.anyOf().stream().anyMatch(verb -> grants(caller, requirement, verb, on));
			if (!granted) {
				throw forbidden(null, name + " needs a " + (requirement.systemOnly() ? "system/ " : "") + "scope allowing "
						+ letters(requirement) + " on " + on);
			}
		}
	}

	/** Whether a scope of the caller grants the verb on the type; of the system context when the requirement says so. */
	private static boolean grants(Caller caller, Requirement requirement, Verb verb, String type) {
		return requirement.systemOnly()
				? caller.scopesFor(verb, type).stream().anyMatch(scope -> scope.context() == SmartScope.Context.SYSTEM)
				: caller.may(verb, type);
	}

	/**
	 * A conditional write runs a search: the caller must be allowed that search, and a caller confined to
	 * one patient could otherwise learn whether a match exists in another patient's record.
	 */
	private void checkConditional(Caller caller, String type, String condition) {
		if (condition == null || condition.isBlank()) {
			return;
		}
		need(caller, Verb.SEARCH, type);
		if (caller.confinedToPatient() || !caller.mayUnrestricted(Verb.SEARCH, type)) {
			throw forbidden(null, "Conditional writes need a search scope on " + type
					+ " that is not confined to a patient or a filter");
		}
	}

	/**
	 * Chained parameters and {@code _has} filter on resources the results do not contain; a caller who may
	 * not search those resources freely could use them to learn what they hold (HAPI #6065).
	 */
	private void checkSearchParameters(Caller caller, Map<String, String[]> parameters) {
		for (String name : parameters.keySet()) {
			boolean crosses = name.startsWith(Constants.PARAM_HAS) || name.contains(".");
			if (crosses && !caller.mayUnrestricted(Verb.SEARCH, SmartScope.ANY_TYPE)) {
				throw forbidden(name, "Chained and _has search parameters need an unrestricted search scope on all types");
			}
		}
	}

	private static void need(Caller caller, Verb verb, String type) {
		if (type != null && !caller.may(verb, type)) {
			throw forbidden(null, "No scope allows " + verb.name().toLowerCase(java.util.Locale.ROOT) + " ("
					+ verb.letter() + ") on " + type);
		}
	}

	private static void needEverywhere(Caller caller, Verb verb, String what) {
		if (!caller.mayUnrestricted(verb, SmartScope.ANY_TYPE)) {
			throw forbidden(null, what + " needs a " + verb.letter() + " scope on all types (e.g. system/*.rs)");
		}
	}

	private String typeOf(RequestDetails request, IBaseResource resource) {
		return request.getFhirContext().getResourceType(resource);
	}

	private static String letters(Requirement requirement) {
		return requirement.anyOf().stream().map(verb -> String.valueOf(verb.letter())).sorted().reduce("", String::concat);
	}

	private static String operationName(RestOperationTypeEnum operation) {
		return switch (operation) {
			case HISTORY_SYSTEM, HISTORY_TYPE -> "Type- and server-level _history";
			case GRAPHQL_REQUEST -> "GraphQL";
			default -> "The interaction " + operation.getCode();
		};
	}

	static ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException forbidden(String element, String message) {
		return OperationOutcomes.httpError(RecourseError.FORBIDDEN, element, message);
	}
}
