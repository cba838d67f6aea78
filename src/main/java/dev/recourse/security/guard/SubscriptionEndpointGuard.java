package dev.recourse.security.guard;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.common.StorageInterceptor;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.springframework.stereotype.Component;

/**
 * A Subscription is stored only if delivering it would call a URL the {@link OutboundUrlPolicy} allows,
 * on every create, update and patch, batch and transaction entries included; otherwise 422 naming the
 * element. It watches every write, not only those that came over HTTP, because the danger is in what the
 * server will call, whoever stored the Subscription.
 *
 * <p>Channels: {@code rest-hook} (the server POSTs to the endpoint, which must be allowed) and
 * {@code websocket} (the client connects to us; an endpoint, if given, must still be allowed, since a
 * stored URL is one a later delivery change would call). {@code email} and {@code sms} send to addresses
 * a URL allow-list cannot vet, and {@code message} hands FHIR messages to whatever endpoint is named;
 * this server configures none of them, so they are refused rather than stored to fail later.
 */
@Component
@Interceptor
public class SubscriptionEndpointGuard implements StorageInterceptor {
	static final String ENDPOINT = "Subscription.channel.endpoint";
	static final String TYPE = "Subscription.channel.type";
	private static final Set<SubscriptionChannelType> DELIVERED =
			Set.of(SubscriptionChannelType.RESTHOOK, SubscriptionChannelType.WEBSOCKET);

	private final OutboundUrlPolicy policy;

	SubscriptionEndpointGuard(OutboundUrlPolicy policy) {
		this.policy = policy;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource) {
		if (resource instanceof Subscription subscription) {
			check(subscription);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource) {
		if (newResource instanceof Subscription subscription) {
			check(subscription);
		}
	}

	void check(Subscription subscription) {
		SubscriptionChannelType type = subscription.getChannel().getType();
		if (type == null || !DELIVERED.contains(type)) {
			throw new RecourseException(
					RecourseError.UNPROCESSABLE,
					TYPE,
					"Subscription channel type '" + (type == null ? "" : type.toCode())
							+ "' is not delivered by this server; use rest-hook or websocket");
		}
		String endpoint = subscription.getChannel().getEndpoint();
		if (type == SubscriptionChannelType.RESTHOOK || endpoint != null) {
			policy.check(endpoint, ENDPOINT);
		}
	}
}
