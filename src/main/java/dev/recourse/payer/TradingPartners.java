package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.security.Caller;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may be notified of which organizations' results: each provider system (an OAuth client, {@code
 * recourse.payer.notifications.trading-partners}) subscribes for the organizations configured for it, and a
 * filter stands for the configured identifiers it names — so a filter by value alone never reaches an organization
 * that carries the same value in another identifier system.
 */
@Component
class TradingPartners {
	private final PayerNotificationProperties settings;

	TradingPartners(PayerNotificationProperties settings) {
		this.settings = settings;
	}

	/** 403 unless the caller is a backend service whose configured organizations the filter names. */
	void requireMayFilter(Caller caller, OrgFilter filter, String element) {
		List<String> own = settings.tradingPartners().getOrDefault(caller.clientId(), List.of());
		if (!caller.isBackendService() || own.stream().noneMatch(filter::names)) {
			throw new RecourseException(RecourseError.FORBIDDEN, element, "This client may subscribe to the PAS topic only for "
					+ "the organizations it is registered with (" + PayerNotificationProperties.PREFIX + ".trading-partners); "
					+ filter + " is not one of them");
		}
	}

	/** The configured {@code system|value}s a filter stands for. */
	Set<String> identifiersFor(OrgFilter filter) {
		return settings.tradingPartners().values().stream().flatMap(List::stream).filter(filter::names).collect(Collectors.toSet());
	}
}
