package dev.recourse.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.recourse.security.SmartScope.Context;
import dev.recourse.security.SmartScope.Verb;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;


/**
 * Who is calling, as the bearer token says: the client, the user it acts for, the patient it is
 * confined to and what its scopes permit. Built once per request from the validated token and kept as
 * a request attribute, so HAPI interceptors never see Spring Security types.
 *
 * @param clientId the OAuth client ({@code client_id}, else {@code azp}, else {@code sub})
 * @param user the user the client acts for ({@code fhirUser}, else {@code sub}); empty for backend services
 * @param patientId the launch patient's id when the token is confined to one patient
 * @param scopes the clinical scopes granted
 * @param tokenId the token's {@code jti}, for the audit trail; empty if the token has none
 * @param payer whether the client is a registered payer client
 */
public record Caller(
		String clientId,
		Optional<String> user,
		Optional<String> patientId,
		List<SmartScope> scopes,
		Optional<String> tokenId,
		boolean payer) {
	static final String REQUEST_ATTRIBUTE = Caller.class.getName();

	public Caller {
		scopes = List.copyOf(scopes);
	}

	/** The caller of a FHIR request; empty for internal requests that never came over HTTP. */
	public static Optional<Caller> of(RequestDetails request) {
		if (request instanceof ServletRequestDetails servletRequest && servletRequest.getServletRequest() != null) {
			return of(servletRequest.getServletRequest());
		}
		return Optional.empty();
	}

	public static Optional<Caller> of(HttpServletRequest request) {
		return Optional.ofNullable((Caller) request.getAttribute(REQUEST_ATTRIBUTE));
	}

	/** Whether every patient-data access is confined to the launch patient's compartment. */
	public boolean confinedToPatient() {
		return patientId.isPresent();
	}

	/** Whether some scope permits the verb on the type, in any context. */
	public boolean may(Verb verb, String resourceType) {
		return scopes.stream().anyMatch(scope -> scope.permits(verb) && scope.coversType(resourceType));
	}

	/** Whether a scope permits the verb on the type without a patient compartment or a query filter. */
	public boolean mayUnrestricted(Verb verb, String resourceType) {
		return scopes.stream()
				.anyMatch(scope -> scope.context() != Context.PATIENT
						&& !scope.isNarrowed()
						&& scope.permits(verb)
						&& scope.coversType(resourceType));
	}

	/** Whether the client holds any system-level scope: a backend service (EHR or payer), not a person. */
	public boolean isBackendService() {
		return scopes.stream().anyMatch(scope -> scope.context() == Context.SYSTEM);
	}

	/** Whether the scopes name the type itself (not through {@code *}) with the verb: how audit access is granted. */
	public boolean mayExplicitly(Verb verb, String resourceType) {
		return scopes.stream()
				.anyMatch(scope -> scope.resourceType().equals(resourceType) && scope.permits(verb));
	}

	/** The scopes on one type with one verb. */
	public List<SmartScope> scopesFor(Verb verb, String resourceType) {
		return scopes.stream()
				.filter(scope -> scope.permits(verb) && scope.coversType(resourceType))
				.toList();
	}

}
