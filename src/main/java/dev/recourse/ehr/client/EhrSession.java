package dev.recourse.ehr.client;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.security.guard.OutboundUrlPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;

/**
 * The requests a pull makes of one EHR. Searches follow {@code next} links to the end, but only links
 * under the EHR's own base URL: a link elsewhere ends the search with a failure rather than sending our
 * token, or the patient's id, to another host.
 */
public final class EhrSession {
	private final EhrConnection connection;
	private final IGenericClient client;
	private final AuthenticatedCalls calls;
	private final OutboundUrlPolicy outbound;

	EhrSession(EhrConnection connection, IGenericClient client, AuthenticatedCalls calls, OutboundUrlPolicy outbound) {
		this.connection = connection;
		this.client = client;
		this.calls = calls;
		this.outbound = outbound;
	}

	public EhrConnection connection() {
		return connection;
	}

	public CapabilityStatement capabilities() {
		return calls.call("Reading the EHR's CapabilityStatement", () -> client.capabilities().ofType(CapabilityStatement.class).execute());
	}

	/**
	 * Every page of a search.
	 *
	 * @param budget resources the whole pull may still take; the search fails when it would exceed it
	 */
	public List<Resource> search(String type, Map<String, List<String>> params, int pageSize, AtomicInteger budget) {
		String what = "The " + type + " search";
		Bundle first = calls.call(what, () -> client.search().forResource(type).whereMap(params).count(pageSize)
				.returnBundle(Bundle.class).execute());
		return allPages(what, first, budget);
	}

	/** Every page of {@code Patient/[id]/$everything}. */
	public List<Resource> everything(String patientId, int pageSize, AtomicInteger budget) {
		String what = "Patient/$everything";
		Bundle first = calls.call(what, () -> client.operation().onInstance("Patient/" + patientId).named("$everything")
				.withParameter(Parameters.class, "_count", new IntegerType(pageSize)).useHttpGet()
				.returnResourceType(Bundle.class).execute());
		return allPages(what, first, budget);
	}

	public Resource read(String type, String id) {
		return calls.call("Reading " + type + "/" + id, () -> (Resource) client.read().resource(type).withId(id).execute());
	}

	/** A Binary the EHR serves at {@code url} (relative to its base, or absolute under it). */
	public Binary binary(String url) {
		String absolute = url.startsWith("http") ? url : connection.baseUrl() + "/" + url;
		checkOwnUrl(absolute, "the attachment URL");
		return calls.call("Reading an attachment", () -> client.fetchResourceFromUrl(Binary.class, absolute));
	}

	private List<Resource> allPages(String what, Bundle page, AtomicInteger budget) {
		List<Resource> resources = new ArrayList<>();
		Bundle current = page;
		while (true) {
			addMatches(what, current, resources, budget);
			Bundle.BundleLinkComponent next = current.getLink(Bundle.LINK_NEXT);
			if (next == null || !next.hasUrl()) {
				return resources;
			}
			checkOwnUrl(next.getUrl(), what + "'s next link");
			Bundle previous = current;
			current = calls.call(what + " (page " + (pageNumber(resources, previous) + 1) + ")",
					() -> client.loadPage().next(previous).execute());
		}
	}

	private static int pageNumber(List<Resource> soFar, Bundle page) {
		return Math.max(1, soFar.size() / Math.max(1, page.getEntry().size()));
	}

	private static void addMatches(String what, Bundle page, List<Resource> into, AtomicInteger budget) {
		for (Bundle.BundleEntryComponent entry : page.getEntry()) {
			if (entry.hasResource() && !isOutcome(entry)) {
				if (budget.decrementAndGet() < 0) {
					throw new EhrCallFailed(what + " was stopped: the pull passed its limit of resources (recourse.ehr.max-resources)", false, null);
				}
				into.add(entry.getResource());
			}
		}
	}

	private static boolean isOutcome(Bundle.BundleEntryComponent entry) {
		return entry.hasSearch() && entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME;
	}

	private void checkOwnUrl(String url, String what) {
		if (!OutboundUrlPolicy.isUnder(url, connection.baseUrl()) || outbound.refusal(url).isPresent()) {
			throw new EhrCallFailed(what + " points outside the EHR (" + OutboundUrlPolicy.originOf(url)
					+ ") and was not followed", false, null);
		}
	}
}
