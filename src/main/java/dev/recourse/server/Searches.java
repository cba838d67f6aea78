package dev.recourse.server;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.StringParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * An operation's own searches, whose results it reads at once: run synchronously with nothing persisted for paging
 * (HAPI: {@code Cache-Control: no-store}) — a persisted search per query was most of a criteria map's time. Such a
 * search answers one page, cut at the server's page size, with no link to the next (there is no stored search to
 * page through), so {@link #everyMatch} asks for the next pages by {@code _offset}.
 */
public final class Searches {
	/** The most results one unstored search returns; HAPI stops there without saying so. */
	public static final int UNSTORED_LIMIT = 1000;
	public static final Map<String, String> UNSTORED = Map.of("Cache-Control", "no-store, max-results=" + UNSTORED_LIMIT);

	/** The largest page the server serves (recourse.limits.max-page-size): asking for more only gets HAPI to log that it cut it. */
	private static volatile int largestPage = 200;

	private Searches() {
	}

	/** Set once at start-up from the server's limits. */
	static void servePagesOf(int size) {
		largestPage = size;
	}

	/**
	 * Every match, through the caller's repository: unstored pages of the largest size the server allows, by offset,
	 * until a page is short.
	 */
	public static <T extends IBaseResource> List<T> everyMatch(IRepository store, Class<T> type, Multimap<String, List<IQueryParameterType>> params) {
		Multimap<String, List<IQueryParameterType>> asked = withLargestPage(params);
		int full = pageSizeAsked(asked);
		Bundle page = page(store, type, asked, 0);
		Map<String, T> found = new LinkedHashMap<>();
		boolean grew = add(found, page, type);
		int offset = matches(page);
		// a full page may have more after it (the total of an unstored search is not to be trusted to say so); a short page,
		// or one that adds nothing new, ends it
		while (grew && matches(page) >= full) {
			page = page(store, type, asked, offset);
			grew = add(found, page, type);
			offset += matches(page);
		}
		return List.copyOf(found.values());
	}

	/** The size of a full page: what was asked, or the largest the server serves when that is less. */
	private static int pageSizeAsked(Multimap<String, List<IQueryParameterType>> asked) {
		int count = asked.get("_count").stream().flatMap(List::stream).filter(NumberParam.class::isInstance)
				.map(param -> ((NumberParam) param).getValue().intValue()).findFirst().orElse(largestPage);
		return Math.max(1, Math.min(count, largestPage));
	}

	private static <T extends IBaseResource> boolean add(Map<String, T> found, Bundle page, Class<T> type) {
		boolean grew = false;
		for (T resource : entries(page, type)) {
			grew |= found.putIfAbsent(resource.getIdElement().toUnqualifiedVersionless().getValue(), resource) == null;
		}
		return grew;
	}

	/** The first page only, unstored: for a query that names its own {@code _count}. */
	public static <T extends IBaseResource> List<T> firstPage(IRepository store, Class<T> type, Multimap<String, List<IQueryParameterType>> params) {
		return entries(store.search(Bundle.class, type, params, UNSTORED), type);
	}

	private static Bundle page(IRepository store, Class<? extends IBaseResource> type, Multimap<String, List<IQueryParameterType>> params, int offset) {
		Multimap<String, List<IQueryParameterType>> asked = ArrayListMultimap.create(params);
		if (offset > 0) {
			asked.put("_offset", List.of(new NumberParam(offset)));
		}
		return (Bundle) store.search(Bundle.class, type, asked, UNSTORED);
	}

	/**
	 * Asks for the largest page the server serves unless the caller named a size, and in a stable order unless the caller
	 * named one: pages by offset must not overlap or leave gaps.
	 */
	private static Multimap<String, List<IQueryParameterType>> withLargestPage(Multimap<String, List<IQueryParameterType>> params) {
		Multimap<String, List<IQueryParameterType>> asked = ArrayListMultimap.create(params);
		if (!params.containsKey("_count")) {
			asked.put("_count", List.of(new NumberParam(Math.min(largestPage, UNSTORED_LIMIT))));
		}
		if (!params.containsKey("_sort")) {
			asked.put("_sort", List.of(new StringParam("_id")));
		}
		return asked;
	}

	/** How many entries of the page are matches (not {@code _include}d resources): what the offset counts. */
	private static int matches(Bundle page) {
		return (int) page.getEntry().stream().filter(entry -> !entry.hasSearch() || entry.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE).count();
	}

	@SuppressWarnings("unchecked")
	private static <T extends IBaseResource> List<T> entries(IBaseBundle page, Class<T> type) {
		return page instanceof Bundle bundle ? bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(type::isInstance).map(resource -> (T) resource).toList() : List.of();
	}
}
