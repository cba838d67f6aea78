package dev.recourse.security.audit;

import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import ca.uhn.fhir.storage.interceptor.balp.BalpProfileEnum;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.springframework.stereotype.Component;

/**
 * Attempt → AuditEvent, for what HAPI's BALP interceptor does not record: operations, history, and
 * requests that were refused or failed. The shape is BALP's (type {@code rest}, the interaction as subtype, client,
 * server and requesting user agents, the request id as an entity), so one search reads the whole trail.
 * Nothing comes from a request body: the entities are what the URL names and the patients an operation
 * touched.
 */
@Component
class AuditEventWriter {
	/** Operation names as codes: {@code $triage}, {@code $validate}; an operation is also subtype {@code operation}. */
	static final String OPERATION_SYSTEM = "http://recourse.dev/fhir/sid/operation";
	/** BALP's display of object role 24 (HAPI keeps that constant package-private). */
	private static final String QUERY_DISPLAY = "Query";

	private final CallerAgents agents;

	AuditEventWriter(CallerAgents agents) {
		this.agents = agents;
	}

	/** A completed operation or history read, with the patients whose data it touched. */
	AuditEvent success(Attempt attempt, AuditContext context, Collection<String> patients) {
		AuditEvent event = common(attempt, context, AuditEventOutcome._0, !patients.isEmpty());
		patients.forEach(patient -> addPatient(event, CallerAgents.absolute(patient, context.serverBase())));
		return event;
	}

	/**
	 * A refused or failed attempt: outcome 4 (minor failure) for the caller's errors, refusals among them,
	 * 8 (serious failure) for the server's.
	 */
	AuditEvent failure(Attempt attempt, AuditContext context, int status) {
		boolean patient = "Patient".equals(attempt.resourceType().orElse(null)) && attempt.resourceId().isPresent();
		AuditEvent event =
				common(attempt, context, status >= 500 ? AuditEventOutcome._8 : AuditEventOutcome._4, patient);
		event.setOutcomeDesc("HTTP " + status);
		if (patient) {
			addPatient(event, CallerAgents.absolute("Patient/" + attempt.resourceId().get(), context.serverBase()));
		}
		return event;
	}

	private AuditEvent common(Attempt attempt, AuditContext context, AuditEventOutcome outcome, boolean patient) {
		AuditEvent event = new AuditEvent();
		Optional<BalpProfileEnum> profile = profile(attempt, patient);
		profile.ifPresent(p -> event.getMeta().addProfile(p.getProfileUrl()));
		event.getType().setSystem(BalpConstants.CS_AUDIT_EVENT_TYPE).setCode("rest").setDisplay("Restful Operation");
		event.addSubtype(new Coding(Interaction.SYSTEM, attempt.interaction().code(), attempt.interaction().code()));
		attempt.operation().ifPresent(operation -> event.addSubtype(new Coding(OPERATION_SYSTEM, operation, operation)));
		event.setAction(attempt.interaction().action());
		event.setOutcome(outcome);
		event.setRecorded(new Date());
		event.getSource().getObserver().setDisplay(context.serverBase());
		addAgents(event, context, profile.orElse(BalpProfileEnum.BASIC_QUERY));
		agents.addTokenContext(event, context.caller());
		addEntities(event, attempt, context);
		return event;
	}

	/** BALP's three agents; the profile gives the client's and server's roles (a delete's differ). */
	private void addAgents(AuditEvent event, AuditContext context, BalpProfileEnum profile) {
		AuditEventAgentComponent client = event.addAgent().setRequestor(false);
		client.setWho(agents.client(context.caller()));
		client.getType().addCoding(profile.getAgentClientTypeCoding());
		if (context.networkAddress() != null) {
			client.getNetwork().setAddress(context.networkAddress()).setType(BalpConstants.AUDIT_EVENT_AGENT_NETWORK_TYPE_IP_ADDRESS);
		}
		AuditEventAgentComponent server = event.addAgent().setRequestor(false);
		server.getType().addCoding(profile.getAgentServerTypeCoding());
		server.getWho().setDisplay(context.serverBase());
		server.getNetwork().setAddress(context.serverBase()).setType(AuditEvent.AuditEventAgentNetworkType._5);
		AuditEventAgentComponent user = event.addAgent().setRequestor(true);
		user.getType().addCoding(new Coding(
				"http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"));
		user.setWho(agents.user(context.caller(), context.serverBase()));
	}

	private static void addEntities(AuditEvent event, Attempt attempt, AuditContext context) {
		AuditEventEntityComponent transaction = event.addEntity();
		transaction.getType().setSystem("https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType").setCode("XrequestId");
		transaction.getWhat().getIdentifier().setValue(context.requestId());
		if (attempt.resourceType().isPresent() && attempt.resourceId().isPresent()) {
			AuditEventEntityComponent data = event.addEntity();
			data.getType().setSystem(BalpConstants.CS_AUDIT_ENTITY_TYPE).setCode(BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT)
					.setDisplay(BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT_DISPLAY);
			data.getRole().setSystem(BalpConstants.CS_OBJECT_ROLE).setCode(BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE)
					.setDisplay(BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE_DISPLAY);
			data.getWhat().setReference(CallerAgents.absolute(
					attempt.resourceType().get() + "/" + attempt.resourceId().get(), context.serverBase()));
		}
		attempt.query().ifPresent(query -> {
			AuditEventEntityComponent search = event.addEntity();
			search.getType().setSystem(BalpConstants.CS_AUDIT_ENTITY_TYPE).setCode(BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT)
					.setDisplay(BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT_DISPLAY);
			search.getRole().setSystem(BalpConstants.CS_OBJECT_ROLE).setCode(BalpConstants.CS_OBJECT_ROLE_24_QUERY)
					.setDisplay(QUERY_DISPLAY);
			String path = attempt.resourceType().map(type -> "/" + type).orElse("");
			search.getQueryElement().setValue((context.serverBase() + path + "?" + query).getBytes(StandardCharsets.UTF_8));
		});
	}

	private static void addPatient(AuditEvent event, String patient) {
		AuditEventEntityComponent entity = event.addEntity();
		entity.getType().setSystem(BalpConstants.CS_AUDIT_ENTITY_TYPE).setCode(BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON)
				.setDisplay(BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON_DISPLAY);
		entity.getRole().setSystem(BalpConstants.CS_OBJECT_ROLE).setCode(BalpConstants.CS_OBJECT_ROLE_1_PATIENT)
				.setDisplay(BalpConstants.CS_OBJECT_ROLE_1_PATIENT_DISPLAY);
		entity.getWhat().setReference(patient);
	}

	/** The BALP profile an attempt's event conforms to; BALP has none for operations, transactions or history. */
	private static Optional<BalpProfileEnum> profile(Attempt attempt, boolean patient) {
		return Optional.ofNullable(switch (attempt.interaction()) {
			case CREATE -> patient ? BalpProfileEnum.PATIENT_CREATE : BalpProfileEnum.BASIC_CREATE;
			case READ, VREAD -> patient ? BalpProfileEnum.PATIENT_READ : BalpProfileEnum.BASIC_READ;
			case UPDATE, PATCH -> patient ? BalpProfileEnum.PATIENT_UPDATE : BalpProfileEnum.BASIC_UPDATE;
			case DELETE -> patient ? BalpProfileEnum.PATIENT_DELETE : BalpProfileEnum.BASIC_DELETE;
			case SEARCH_TYPE, SEARCH_SYSTEM -> patient ? BalpProfileEnum.PATIENT_QUERY : BalpProfileEnum.BASIC_QUERY;
			default -> null;
		});
	}
}
