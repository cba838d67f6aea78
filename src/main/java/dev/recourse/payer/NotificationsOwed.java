package dev.recourse.payer;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.TokenParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.common.RecourseException;
import dev.recourse.outbox.TaskOutbox;
import dev.recourse.server.Searches;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * What a decision owes subscribers: the active PAS topic Subscriptions whose orgIdentifier names the organization
 * the request came from ({@link Parties#submitter}) → for each, the next event number (its notifications so far + 1)
 * → a notification Task, added create-only to the decision's own transaction, so the decision and what it owes are
 * stored together or not at all. Two decisions for one subscriber at once compete for the same event number; one
 * transaction then fails (409) and its decision can be sent again.
 */
@Component
class NotificationsOwed {
	private final TradingPartners partners;

	NotificationsOwed(TradingPartners partners) {
		this.partners = partners;
	}

	/**
	 * A decision about to be stored.
	 *
	 * @param received the request Bundle as received
	 * @param claimResponse {@code ClaimResponse/<id>} decided
	 * @param version the ClaimResponse's version the decision's transaction writes
	 * @param fhirBase the FHIR base the decision was made under (the answer's URLs are built on it)
	 */
	record Decided(Bundle received, String claimResponse, String version, String fhirBase) {
	}

	/** Adds a create-only entry per notification owed to the decision's transaction; @return how many */
	int addTo(Bundle transaction, IRepository store, Decided decided) {
		List<Identifier> submitter = Parties.submitter(decided.received());
		Instant now = Instant.now();
		int owed = 0;
		for (Subscription subscription : activeOnTopic(store)) {
			if (matches(subscription, submitter)) {
				String id = subscription.getIdElement().getIdPart();
				var event = new NotificationTask.Event(id, owedSoFar(store, id) + 1, decided.claimResponse(), decided.version());
				TaskOutbox.put(transaction, NotificationTask.of(event, decided.fhirBase(), now), "0");
				owed++;
			}
		}
		return owed;
	}

	private boolean matches(Subscription subscription, List<Identifier> submitter) {
		try {
			return OrgFilter.anyIn(submitter, partners.identifiersFor(PasSubscription.of(subscription).filter()));
		} catch (RecourseException notPasShaped) {
			// stored before this server checked the shape, or by the server itself: it cannot be served as PAS
			return false;
		}
	}

	private static List<Subscription> activeOnTopic(IRepository store) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("status", List.of(new TokenParam("active")));
		return Searches.everyMatch(store, Subscription.class, params).stream().filter(PasSubscription::onTopic).toList();
	}

	/** How many notifications the Subscription has been owed since it started: the last event's number. */
	static long owedSoFar(IRepository store, String subscriptionId) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("code", List.of(new TokenParam(NotificationTask.TASK_TYPE, NotificationTask.CODE)));
		params.put("group-identifier", List.of(new TokenParam(NotificationTask.SUBSCRIPTION_SYSTEM, subscriptionId)));
		return Searches.everyMatch(store, Task.class, params).size();
	}
}
