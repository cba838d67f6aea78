package dev.recourse.payer;

import dev.recourse.outbox.OutboxTiming;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of decision notifications to providers ({@code recourse.payer.notifications.*}).
 *
 * @param tradingPartners OAuth client id of a provider system → the organization identifiers ({@code system|value})
 *        its PAS Subscriptions may filter on: a provider subscribes to its own organizations' results, never another's
 * @param delivery how the notification outbox is drained and its attempts paced
 */
@ConfigurationProperties("recourse.payer.notifications")
public record PayerNotificationProperties(Map<String, List<String>> tradingPartners, OutboxTiming delivery) {
	static final String PREFIX = "recourse.payer.notifications";

	public PayerNotificationProperties {
		tradingPartners = tradingPartners == null ? Map.of() : Map.copyOf(tradingPartners);
		delivery = (delivery == null ? OutboxTiming.defaults() : delivery).requireLeaseCoversAttempt(PREFIX + ".delivery");
		tradingPartners.forEach((client, identifiers) -> identifiers.forEach(identifier -> {
			if (!identifier.contains("|") || identifier.startsWith("|") || identifier.endsWith("|")) {
				// a bare value here would let the partner's filter match that value in any identifier system
				throw new IllegalStateException(PREFIX + ".trading-partners." + client + ": '" + identifier
						+ "' must be system|value");
			}
		}));
	}
}
