package dev.recourse.ehr.pull;

import dev.recourse.ehr.EhrConnection;
import dev.recourse.security.Caller;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Provenance of one pull: who pulled (the OAuth client, and the user it acted for), what (every
 * resource of the pull: stored now, or found already stored as the EHR has it), when, and from where (the Endpoint, with the EHR's address).
 */
final class PullProvenance {
	static final String CLIENT_SYSTEM = "http://recourse.dev/fhir/sid/oauth-client";
	private static final String AGENT_TYPES = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
	private static final String DATA_OPERATIONS = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

	private PullProvenance() {
	}

	static Provenance of(EhrConnection connection, Optional<Caller> caller, List<Resource> stored, Instant now) {
		Provenance provenance = new Provenance();
		stored.forEach(resource -> provenance.addTarget(new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart())));
		provenance.setOccurred(new org.hl7.fhir.r4.model.DateTimeType(Date.from(now)));
		provenance.setRecorded(Date.from(now));
		provenance.setActivity(new org.hl7.fhir.r4.model.CodeableConcept(new Coding(DATA_OPERATIONS, "CREATE", "create"))
				.setText("Pulled from the EHR " + connection.baseUrl()));
		Provenance.ProvenanceAgentComponent agent = provenance.addAgent();
		agent.getType().addCoding(new Coding(AGENT_TYPES, "performer", "Performer"));
		String client = caller.map(Caller::clientId).orElse("recourse");
		agent.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(client))
				.setDisplay(caller.flatMap(Caller::user).map(user -> client + " for " + user).orElse(client)));
		Provenance.ProvenanceEntityComponent source = provenance.addEntity();
		source.setRole(Provenance.ProvenanceEntityRole.SOURCE);
		source.setWhat(new Reference("Endpoint/" + connection.endpointId()).setDisplay(connection.baseUrl()));
		return provenance;
	}
}
