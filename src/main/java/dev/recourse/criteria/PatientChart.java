package dev.recourse.criteria;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.server.Searches;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The case patient's records as one map evaluation reads them. A search for every record of a type (the policies'
 * {@code Condition?patient={{%patient.id}}}, the off-label review's diagnoses) runs once per evaluation, through the
 * caller's repository, and its result is shared: the largest search of a warm map is not made twice.
 */
public final class PatientChart {
	private final IRepository store;
	private final String patientId;
	private final int pageSize;
	private final Map<Class<?>, List<? extends IBaseResource>> everyRecord = new HashMap<>();

	PatientChart(IRepository store, String patientId, int pageSize) {
		this.store = store;
		this.patientId = patientId;
		this.pageSize = pageSize;
	}

	/** The caller's repository, for every other read and search. */
	public IRepository store() {
		return store;
	}

	String patientId() {
		return patientId;
	}

	/** Every record of the type for the patient, searched once per evaluation. */
	@SuppressWarnings("unchecked")
	public <T extends IBaseResource> List<T> all(Class<T> type) {
		return (List<T>) everyRecord.computeIfAbsent(type, searched -> Searches.everyMatch(store, type, everyRecordOfThePatient()));
	}

	private Multimap<String, List<IQueryParameterType>> everyRecordOfThePatient() {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("patient", List.of(new ReferenceParam("Patient/" + patientId)));
		params.put("_count", List.of(new NumberParam(pageSize)));
		return params;
	}
}
