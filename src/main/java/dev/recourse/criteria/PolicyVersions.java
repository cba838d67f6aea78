package dev.recourse.criteria;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.server.Searches;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Component;

/**
 * Coverage policies in the library by canonical ({@code url} or {@code url|version}) and the criteria they name: what
 * choosing a policy for a case and recording which criterion drove a payer's denial both look up.
 */
@Component
public final class PolicyVersions {
	/** Of several versions of one policy, the one dated last; on the same date, the one stored last (a payer's revision). */
	static final Comparator<Questionnaire> NEWEST = Comparator
			.comparing(Questionnaire::getDate, Comparator.nullsFirst(Comparator.<java.util.Date>naturalOrder()))
			.thenComparing(policy -> policy.getMeta().getLastUpdated(), Comparator.nullsFirst(Comparator.<java.util.Date>naturalOrder()));

	private final PolicyShelf shelf;

	PolicyVersions(PolicyShelf shelf) {
		this.shelf = shelf;
	}

	/** The policy the canonical names: that version, or the newest when it names none. */
	public Optional<Questionnaire> named(IRepository store, String canonical) {
		int bar = canonical.indexOf('|');
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("url", List.of(new UriParam(bar < 0 ? canonical : canonical.substring(0, bar))));
		if (bar >= 0) {
			params.put("version", List.of(new TokenParam(canonical.substring(bar + 1))));
		}
		return search(store, params).stream().max(NEWEST);
	}

	List<Questionnaire> search(IRepository store, Multimap<String, List<IQueryParameterType>> params) {
		params.put("_count", List.of(new NumberParam(50)));
		return shelf.search(query(params), () -> read(store, params));
	}

	private static String query(Multimap<String, List<IQueryParameterType>> params) {
		StringBuilder query = new StringBuilder();
		params.entries().forEach(entry -> entry.getValue().forEach(value -> query.append(entry.getKey()).append('=')
				.append(value.getQueryParameterQualifier()).append(value.getValueAsQueryToken(null)).append('&')));
		return query.toString();
	}

	private static List<Questionnaire> read(IRepository store, Multimap<String, List<IQueryParameterType>> params) {
		List<Questionnaire> found = new ArrayList<>();
		// synchronous and unstored: nothing persisted per map (the shelf keeps the result only while no policy changes)
		store.search(Bundle.class, Questionnaire.class, params, Searches.UNSTORED).getEntry()
				.forEach(entry -> found.add((Questionnaire) entry.getResource()));
		return found;
	}

	/** The policy's criteria in item order: criterion id → the policy's wording of it. */
	public static Map<String, String> criteria(Questionnaire policy) {
		Map<String, String> criteria = new LinkedHashMap<>();
		collect(policy.getItem(), criteria);
		return criteria;
	}

	private static void collect(List<Questionnaire.QuestionnaireItemComponent> items, Map<String, String> criteria) {
		for (Questionnaire.QuestionnaireItemComponent item : items) {
			Extension id = item.getExtensionByUrl(PolicyExtensions.CRITERION_ID);
			if (id != null && id.getValue() != null && id.getValue().primitiveValue() != null) {
				criteria.put(id.getValue().primitiveValue(), item.getText());
			}
			collect(item.getItem(), criteria);
		}
	}
}
