package dev.recourse.payer;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.StorageInterceptor;
import dev.recourse.security.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;

/**
 * Subscriptions to the PAS topic, on every create, update and patch (batch and transaction entries included): the PAS
 * shape or 422 naming the element ({@link PasSubscription}); a caller subscribes only for its own organizations
 * ({@link TradingPartners}: 403), and changes only a Subscription that was its own; the server activates what it
 * accepts (the backport's requested → active; off stays off). The outbound URL rule on the endpoint stays with
 * {@code SubscriptionEndpointGuard}. Other Subscriptions are not this guard's business.
 */
@Component
@Interceptor
public class PayerSubscriptionGuard implements StorageInterceptor {
	private final TradingPartners partners;

	PayerSubscriptionGuard(TradingPartners partners) {
		this.partners = partners;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Subscription subscription && PasSubscription.onTopic(subscription)) {
			accept(subscription, request);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource, RequestDetails request) {
		if (oldResource instanceof Subscription before && PasSubscription.onTopic(before)) {
			// the stored one must be the caller's too, else it could repoint another provider's Subscription at itself
			Caller.of(request).ifPresent(caller -> partners.requireMayFilter(caller, PasSubscription.of(before).filter(), "Subscription"));
		}
		if (newResource instanceof Subscription subscription && PasSubscription.onTopic(subscription)) {
			accept(subscription, request);
		}
	}

	private void accept(Subscription subscription, RequestDetails request) {
		PasSubscription pas = PasSubscription.of(subscription);
		// a request from no caller is the server's own write (the notification outbox never writes Subscriptions)
		Caller.of(request).ifPresent(caller -> partners.requireMayFilter(caller, pas.filter(), PasSubscription.FILTER_ELEMENT));
		if (!subscription.hasStatus() || subscription.getStatus() == Subscription.SubscriptionStatus.REQUESTED) {
			subscription.setStatus(Subscription.SubscriptionStatus.ACTIVE);
		}
	}
}
