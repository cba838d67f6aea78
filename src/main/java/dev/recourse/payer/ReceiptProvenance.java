package dev.recourse.payer;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * The record of one receipt, {@code Provenance/pas-<key>}: who sent it (the OAuth client), when, everything stored
 * for it (targets), and the Bundle received — by reference and by the digest of what it said
 * ({@link Submission#digest}, an RFC 6920 name), which is how a later submission with the same identifier is
 * told to be the same one or a different one.
 */
final class ReceiptProvenance {
	static final String CLIENT_SYSTEM = "http://recourse.dev/fhir/sid/oauth-client";
	private static final String URI = "urn:ietf:rfc:3986";
	private static final String AGENT_TYPES = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
	private static final String DATA_OPERATIONS = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

	private ReceiptProvenance() {
	}

	/** @param stored {@code Type/id} of everything stored for the submission */
	static Provenance of(Arrival arrival, List<String> stored, Date now) {
		Submission submission = arrival.submission();
		String client = arrival.client();
		Provenance provenance = new Provenance();
		provenance.setId(new IdType("Provenance", submission.id()));
		stored.forEach(reference -> provenance.addTarget(new Reference(reference)));
		provenance.setOccurred(new DateTimeType(now)).setRecorded(now);
		provenance.setActivity(new CodeableConcept(new Coding(DATA_OPERATIONS, "CREATE", "create"))
				.setText("Received over Da Vinci PAS Claim/$submit"));
		Provenance.ProvenanceAgentComponent agent = provenance.addAgent();
		agent.getType().addCoding(new Coding(AGENT_TYPES, "author", "Author"));
		agent.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(client)).setDisplay(client));
		provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
				.setWhat(new Reference("Bundle/" + submission.id()).setIdentifier(new Identifier().setSystem(URI).setValue(arrival.digest())));
		return provenance;
	}

	/** The digest of the Bundle a receipt records. */
	static Optional<String> digest(Provenance provenance) {
		return provenance.getEntity().stream().filter(entity -> entity.getRole() == Provenance.ProvenanceEntityRole.SOURCE)
				.map(entity -> entity.getWhat().getIdentifier()).filter(identifier -> URI.equals(identifier.getSystem()))
				.map(Identifier::getValue).findFirst();
	}
}
