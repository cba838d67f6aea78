package dev.recourse.security.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import dev.recourse.security.Caller;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Who made a request, as the audit trail names them, from the {@link Caller} the bearer token gave: the
 * client by its OAuth client id, the user by their {@code fhirUser} reference (else their subject), the
 * token's id as the agent's policy, and the patient the token is confined to. References are absolute, so
 * they name the same thing whether or not it is stored here (a user and launch patient may live in an EHR).
 */
@Component
class CallerAgents implements IBalpAuditContextServices {
	static final String CLIENT_ID_SYSTEM = "http://recourse.dev/fhir/sid/client-id";
	/** A user's subject when their {@code fhirUser} is not a FHIR reference. */
	static final String USER_SYSTEM = "http://recourse.dev/fhir/sid/user";
	static final String PATIENT_CONTEXT = "http://recourse.dev/fhir/StructureDefinition/audit-patient-context";
	/** Stands for the client of a request that presented no valid token; real clients always carry the system. */
	static final String ANONYMOUS = "anonymous";
	private static final Pattern FHIR_REFERENCE =
			Pattern.compile("(https?://\\S+/)?([A-Z][A-Za-z]+)/[A-Za-z0-9.\\-]{1,64}(/_history/[A-Za-z0-9.\\-]{1,64})?");

	private final Set<String> resourceTypes;

	CallerAgents(FhirContext fhirContext) {
		this.resourceTypes = Set.copyOf(fhirContext.getResourceTypes());
	}

	@Override
	public Reference getAgentClientWho(RequestDetails request) {
		return client(Caller.of(request));
	}

	@Override
	public Reference getAgentUserWho(RequestDetails request) {
		return user(Caller.of(request), request.getFhirServerBase());
	}

	@Override
	public String getNetworkAddress(RequestDetails request) {
		// sub-requests of a transaction may have no servlet request of their own
		return request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null
				? servlet.getServletRequest().getRemoteAddr()
				: null;
	}

	/**
	 * BALP's references to what a request touched: absolute, as HAPI's default, but versionless, so that
	 * {@code AuditEvent?entity=…/Patient/1} finds every event about the patient whatever version was seen.
	 */
	@Override
	public String massageResourceIdForStorage(RequestDetails request, IBaseResource resource, IIdType id) {
		return id.toVersionless().withServerBase(request.getFhirServerBase(), id.getResourceType()).getValue();
	}

	/** The client agent's {@code who}: the OAuth client id, or {@value #ANONYMOUS} without a token. */
	Reference client(Optional<Caller> caller) {
		return caller.map(c -> new Reference().setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM).setValue(c.clientId())))
				.orElseGet(() -> new Reference().setIdentifier(new Identifier().setValue(ANONYMOUS)));
	}

	/**
	 * The requesting agent's {@code who}: the user's {@code fhirUser} as an absolute reference when it is
	 * one, else their subject as an identifier; a backend service acting for no user is its own requestor.
	 */
	Reference user(Optional<Caller> caller, String serverBase) {
		Optional<String> user = caller.flatMap(Caller::user);
		if (user.isEmpty()) {
			return client(caller);
		}
		return fhirReference(user.get(), serverBase)
				.map(Reference::new)
				.orElseGet(() -> new Reference().setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(user.get())));
	}

	/**
	 * Puts the token's id ({@code jti}) and its launch patient on the event's requesting agent. The launch
	 * patient is an id on this server (SMART's {@code patient} context), so the reference is relative.
	 */
	void addTokenContext(AuditEvent event, Optional<Caller> caller) {
		if (caller.isEmpty()) {
			return;
		}
		AuditEventAgentComponent requestor = event.getAgent().stream()
				.filter(AuditEventAgentComponent::getRequestor)
				.findFirst()
				.orElseGet(event::addAgent);
		caller.get().tokenId().ifPresent(requestor::addPolicy);
		caller.get().patientId().ifPresent(patient -> requestor.addExtension(
				PATIENT_CONTEXT, new Reference("Patient/" + patient)));
	}

	/** The value as an absolute FHIR reference if it is a FHIR URL or a relative reference to a known type. */
	Optional<String> fhirReference(String value, String serverBase) {
		Matcher matcher = FHIR_REFERENCE.matcher(value);
		if (!matcher.matches() || !resourceTypes.contains(matcher.group(2))) {
			return Optional.empty();
		}
		return Optional.of(absolute(value, serverBase));
	}

	static String absolute(String reference, String serverBase) {
		if (reference.startsWith("http://") || reference.startsWith("https://")) {
			return reference;
		}
		return serverBase.endsWith("/") ? serverBase + reference : serverBase + "/" + reference;
	}
}
