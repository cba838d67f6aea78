package dev.recourse.criteria;

import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RequestLimits;
import dev.recourse.server.Searches;
import dev.recourse.common.RecourseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Runs a policy's SDC {@code x-fhir-query} variables against our store: {@code {{expression}}} parts are
 * filled from FHIRPath first ({@code {{%patient.id}}}), then the query runs through the caller's repository
 * (so the caller's scopes apply) and every page is gathered into one searchset Bundle, as SDC has it — unless the
 * query names {@code _count}, which then limits the result (the first page).
 */
@Component
class ChartVariables {
	private static final Pattern EMBEDDED = Pattern.compile("\\{\\{(.+?)}}");
	private final MatchUrlService matchUrls;
	private final int pageSize;

	ChartVariables(MatchUrlService matchUrls, RequestLimits limits) {
		this.matchUrls = matchUrls;
		this.pageSize = limits.maxPageSize();
	}

	/** The patient's chart for one evaluation, searched through the caller's repository. */
	PatientChart chart(IRepository store, String patientId) {
		return new PatientChart(store, patientId, pageSize);
	}

	Bundle query(String query, PolicyFhirPath fhirPath, PatientChart chart) {
		IRepository store = chart.store();
		String url = fill(query, fhirPath);
		String type = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		Class<? extends IBaseResource> resourceType = fhirPath.fhirContext().getResourceDefinition(type).getImplementingClass();
		SearchParameterMap map = matchUrls.translateMatchUrl(url, fhirPath.fhirContext().getResourceDefinition(type));
		Multimap<String, List<IQueryParameterType>> params = toMultimap(map);
		// a query that names _count asks for that many (e.g. the latest result); otherwise all of them
		List<? extends IBaseResource> found = everyRecordOfThePatient(map, chart) ? chart.all(resourceType)
				: map.getCount() != null ? Searches.firstPage(store, resourceType, params)
				: Searches.everyMatch(store, resourceType, params);
		Bundle all = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		found.forEach(resource -> all.addEntry().setResource((Resource) resource));
		all.setTotal(all.getEntry().size());
		return all;
	}

	/** {@code Type?patient=<the case patient>} and nothing more: the search the chart shares within the evaluation. */
	private static boolean everyRecordOfThePatient(SearchParameterMap map, PatientChart chart) {
		if (!map.keySet().equals(Set.of("patient")) || map.getCount() != null || map.getSort() != null || map.getLastUpdated() != null) {
			return false;
		}
		List<List<IQueryParameterType>> patient = map.get("patient");
		return patient.size() == 1 && patient.get(0).size() == 1 && patient.get(0).get(0) instanceof ReferenceParam reference
				&& !reference.hasChain() && chart.patientId().equals(reference.getIdPart())
				&& (reference.getResourceType() == null || "Patient".equals(reference.getResourceType()));
	}

	private static String fill(String query, PolicyFhirPath fhirPath) {
		Matcher embedded = EMBEDDED.matcher(query);
		StringBuilder filled = new StringBuilder();
		while (embedded.find()) {
			String value = fhirPath.evaluateString(embedded.group(1).trim())
					.orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, "Questionnaire.extension('variable')",
							"The policy's query part {{" + embedded.group(1) + "}} has no value for this patient"));
			embedded.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		embedded.appendTail(filled);
		return filled.toString();
	}

	private Multimap<String, List<IQueryParameterType>> toMultimap(SearchParameterMap map) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		for (Map.Entry<String, List<List<IQueryParameterType>>> and : map.entrySet()) {
			and.getValue().forEach(or -> params.put(and.getKey(), or));
		}
		// the whole result is gathered anyway: the largest page means the fewest round trips (and audit events)
		params.put("_count", List.of(new NumberParam(map.getCount() != null ? map.getCount() : pageSize)));
		// policies rely on order (".first()" of observations sorted by -date): _sort goes through as written
		List<IQueryParameterType> sort = new java.util.ArrayList<>();
		for (SortSpec spec = map.getSort(); spec != null; spec = spec.getChain()) {
			sort.add(new StringParam((spec.getOrder() == SortOrderEnum.DESC ? "-" : "") + spec.getParamName()));
		}
		if (!sort.isEmpty()) {
			params.put("_sort", sort);
		}
		return params;
	}
}
