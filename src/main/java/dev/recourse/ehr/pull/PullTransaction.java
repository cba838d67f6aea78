package dev.recourse.ehr.pull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * Everything one pull stores, as one transaction, so it is all stored or none of it: the copies under
 * their derived ids (PUT: a re-pull updates, never duplicates), the therapy episodes and the removal of
 * episodes that no longer hold, the Provenance, the case Task pointing at it (guarded by its version,
 * so a concurrent edit of the case is not overwritten), and the case patient's EHR identifier.
 *
 * @param copies the chart resources, ready to store
 * @param episodes therapy-episode MedicationStatements to store
 * @param staleEpisodeIds ids of earlier episode MedicationStatements to delete
 * @param provenance the pull's Provenance
 * @param caseTask the case as read; the stored one has the Provenance added to its output
 * @param patient the case patient when an identifier was added to it
 */
record PullTransaction(List<Resource> copies, List<Resource> episodes, List<String> staleEpisodeIds, Provenance provenance,
		Task caseTask, Optional<Patient> patient) {
	static final String ARTIFACT_TYPES = dev.recourse.casework.CaseOutputs.ARTIFACT_TYPES;
	static final String PROVENANCE_OUTPUT = "history-pull";

	/** The same transaction storing only these of its copies; the Provenance still lists every copy of the pull. */
	PullTransaction storing(List<Resource> toStore) {
		return new PullTransaction(toStore, episodes, staleEpisodeIds, provenance, caseTask, patient);
	}

	Bundle bundle() {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		copies.forEach(resource -> put(bundle, resource, null));
		episodes.forEach(resource -> put(bundle, resource, null));
		staleEpisodeIds.forEach(id -> bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("MedicationStatement/" + id));
		String provenanceUrl = "urn:uuid:" + UUID.randomUUID();
		bundle.addEntry().setFullUrl(provenanceUrl).setResource(provenance).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Provenance");
		Task linked = caseTask.copy();
		linked.addOutput().setValue(new Reference(provenanceUrl)).getType()
				.addCoding(new Coding(ARTIFACT_TYPES, PROVENANCE_OUTPUT, "History pull"));
		put(bundle, linked, caseTask.getIdElement().getVersionIdPart());
		patient.ifPresent(casePatient -> put(bundle, casePatient, casePatient.getIdElement().getVersionIdPart()));
		return bundle;
	}

	private static void put(Bundle bundle, Resource resource, String version) {
		String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
		Bundle.BundleEntryRequestComponent request = bundle.addEntry().setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
		if (version != null) {
			request.setIfMatch("W/\"" + version + "\"");
		}
	}

	/** The id the server gave the Provenance, from the transaction's answer. */
	static Optional<String> provenanceId(Bundle response) {
		return response.getEntry().stream()
				.map(entry -> entry.getResponse().getLocation())
				.filter(location -> location != null && location.startsWith("Provenance/"))
				.map(location -> location.split("/")[1])
				.findFirst();
	}
}
