package dev.recourse.server;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import com.google.common.collect.Multimap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * An operation's own searches, whose results it reads at once: run synchronously with nothing persisted for paging
 * (HAPI: {@code Cache-Control: no-store}) — a persisted search per query was most of a criteria map's time.
 */
public final class Searches {
	/** The most results an unstored search returns; HAPI stops there without saying so. */
	public static final int UNSTORED_LIMIT = 1000;
	public static final Map<String, String> UNSTORED = Map.of("Cache-Control", "no-store, max-results=" + UNSTORED_LIMIT);

	private Searches() {
	}

	/** Every match, through the caller's repository: unstored, and searched again paged when it reaches the limit. */
	public static <T extends IBaseResource> List<T> everyMatch(IRepository store, Class<T> type, Multimap<String, List<IQueryParameterType>> params) {
		List<T> found = pages(store, type, params, UNSTORED, true);
		return found.size() < UNSTORED_LIMIT ? found : pages(store, type, params, Map.of(), true);
	}

	/** The first page only, unstored: for a query that names its own {@code _count}. */
	public static <T extends IBaseResource> List<T> firstPage(IRepository store, Class<T> type, Multimap<String, List<IQueryParameterType>> params) {
		return pages(store, type, params, UNSTORED, false);
	}

	@SuppressWarnings("unchecked")
	private static <T extends IBaseResource> List<T> pages(IRepository store, Class<T> type, Multimap<String, List<IQueryParameterType>> params,
			Map<String, String> headers, boolean followNext) {
		List<T> found = new ArrayList<>();
		IBaseBundle page = store.search(Bundle.class, type, params, headers);
		while (page instanceof Bundle bundle) {
			bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).forEach(resource -> found.add((T) resource));
			Bundle.BundleLinkComponent next = followNext ? bundle.getLink(Bundle.LINK_NEXT) : null;
			page = next == null ? null : store.link(Bundle.class, next.getUrl());
		}
		return found;
	}
}
