package dev.recourse.ehr.pull;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.ehr.timeline.PriorTherapyTimeline;
import dev.recourse.ehr.timeline.TherapyEpisode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Keeps the prior-therapy timeline for the criteria engine: the pull's episodes replace the patient's
 * earlier ones in the same transaction (same episode → same id → updated; an episode that no longer
 * holds → deleted).
 */
@Component
class EpisodeStore {
	PullTransaction include(PullTransaction transaction, List<TherapyEpisode> episodes, Reference patient, IRepository store) {
		List<Resource> records = episodes.stream().map(episode -> (Resource) EpisodeRecords.of(episode, patient)).toList();
		Set<String> keep = new LinkedHashSet<>();
		records.forEach(record -> keep.add(record.getIdElement().getIdPart()));
		List<String> stale = storedEpisodeIds(patient, store).stream().filter(id -> !keep.contains(id)).toList();
		return new PullTransaction(transaction.copies(), records, stale, transaction.provenance(), transaction.caseTask(), transaction.patient());
	}

	private static List<String> storedEpisodeIds(Reference patient, IRepository store) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("patient", List.of(new ReferenceParam(patient.getReference())));
		params.put("category", List.of(new TokenParam(PriorTherapyTimeline.RECORD_CATEGORY_SYSTEM, PriorTherapyTimeline.DERIVED_CATEGORY_CODE)));
		Bundle found = store.search(Bundle.class, MedicationStatement.class, params);
		return found.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}
}
