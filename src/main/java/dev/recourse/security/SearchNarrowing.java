package dev.recourse.security;

import dev.recourse.common.ServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.security.SmartScope.Verb;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a search ask only for what the caller may see, so a patient app's plain
 * {@code GET Observation} answers with its patient's observations instead of a 403: it adds the patient
 * compartment parameter, and a v2 scope's filter (e.g. {@code category=laboratory}) when every scope on
 * the type is filtered. What the caller asks for explicitly is left alone; the rules still check every
 * resource returned.
 */
@Interceptor
final class SearchNarrowing implements ServerInterceptor {
	private final PatientCompartment compartment;

	SearchNarrowing(PatientCompartment compartment) {
		this.compartment = compartment;
	}

	@Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = -50)
	public void narrow(RequestDetails request) {
		Optional<Caller> caller = Caller.of(request);
		if (caller.isEmpty() || request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE) {
			return;
		}
		String type = request.getResourceName();
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameters());
		caller.get().patientId().ifPresent(patientId -> compartment.searchParameter(type)
				.filter(param -> !parameters.containsKey(param))
				.ifPresent(param -> parameters.put(param, new String[] {compartmentValue(param, patientId)})));
		filters(caller.get(), type).forEach((name, allowed) -> {
			String[] asked = parameters.get(name);
			if (asked == null) {
				parameters.put(name, new String[] {String.join(",", allowed)});
			} else {
				checkWithin(name, asked, allowed);
			}
		});
		request.setParameters(parameters);
	}

	/**
	 * A filter the caller states must stay inside what its scopes allow; otherwise a count
	 * ({@code _summary=count}) would tell what the filtered-out resources are, though none is shown.
	 */
	private static void checkWithin(String name, String[] asked, Set<String> allowed) {
		Set<String> allowedCodes = new LinkedHashSet<>();
		allowed.forEach(value -> allowedCodes.add(code(value)));
		for (String values : asked) {
			for (String value : values.split(",")) {
				if (!allowed.contains(value) && !allowedCodes.contains(code(value))) {
					throw ScopeGate.forbidden(name, "The token's scopes allow " + name + " only in " + allowed);
				}
			}
		}
	}

	private static String code(String token) {
		return token.substring(token.indexOf('|') + 1);
	}

	private static String compartmentValue(String param, String patientId) {
		return "_id".equals(param) ? patientId : "Patient/" + patientId;
	}

	/** The filters to add: only when every scope that allows the search is filtered, joined as alternatives. */
	private static Map<String, Set<String>> filters(Caller caller, String type) {
		List<SmartScope> scopes = caller.scopesFor(Verb.SEARCH, type);
		Map<String, Set<String>> filters = new LinkedHashMap<>();
		if (scopes.isEmpty() || scopes.stream().anyMatch(scope -> !scope.isNarrowed())) {
			return filters;
		}
		for (SmartScope scope : scopes) {
			scope.filter().forEach((name, values) -> filters.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(values));
		}
		return filters;
	}
}
