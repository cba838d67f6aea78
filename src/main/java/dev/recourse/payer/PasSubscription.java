package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;

/**
 * A Subscription to the PAS topic in the shape PAS's profile-subscription and the R4 Subscriptions Backport give it,
 * checked in code (the backport package is not carried, so its profile cannot be validated against): {@code criteria}
 * the topic, its {@code backport-filter-criteria} one {@link OrgFilter}, a {@code rest-hook} channel with an endpoint,
 * payload {@code application/fhir+json} with {@code backport-payload-content} {@code full-resource}; headers optional.
 *
 * @param headers {@code channel.header} as given, {@code Name: value} each
 */
record PasSubscription(OrgFilter filter, String endpoint, List<String> headers) {
	static final String TOPIC = "http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic";
	static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
	static final String FILTER_CRITERIA = BACKPORT + "backport-filter-criteria";
	static final String PAYLOAD_CONTENT = BACKPORT + "backport-payload-content";
	static final String FULL_RESOURCE = "full-resource";
	static final String FHIR_JSON = "application/fhir+json";
	static final String FILTER_ELEMENT = "Subscription.criteria.extension('" + FILTER_CRITERIA + "')";
	static final String PAYLOAD_ELEMENT = "Subscription.channel.payload";
	/** What the delivery sets itself, or the JDK client refuses to send. */
	static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "host", "connection", "expect", "upgrade",
			"transfer-encoding");
	private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

	/** Whether the Subscription is one on the PAS topic (its criteria the topic, with or without a version). */
	static boolean onTopic(Subscription subscription) {
		String criteria = subscription.getCriteria();
		return criteria != null && (criteria.equals(TOPIC) || criteria.startsWith(TOPIC + "|"));
	}

	/** The Subscription read as a PAS one; 422 naming the first element that breaks the shape. */
	static PasSubscription of(Subscription subscription) {
		List<Extension> filters = subscription.getCriteriaElement().getExtensionsByUrl(FILTER_CRITERIA);
		if (filters.size() != 1 || !(filters.get(0).getValue() instanceof StringType criteria)) {
			throw refused(FILTER_ELEMENT, "A PAS topic Subscription states its one orgIdentifier filter in the criteria's "
					+ FILTER_CRITERIA + " extension (valueString)");
		}
		OrgFilter filter = OrgFilter.parse(criteria.getValue(), FILTER_ELEMENT);
		Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
		if (channel.getType() != SubscriptionChannelType.RESTHOOK) {
			throw refused("Subscription.channel.type", "PAS notifications are delivered by rest-hook only");
		}
		if (!channel.hasEndpoint()) {
			throw refused("Subscription.channel.endpoint", "A rest-hook Subscription names the endpoint notifications are POSTed to");
		}
		requireFullResourceJson(channel);
		List<String> headers = channel.getHeader().stream().map(StringType::getValue).toList();
		if (!headers.stream().allMatch(PasSubscription::sendable)) {
			throw refused("Subscription.channel.header", "Each channel header is one line, Name: value, and not one the delivery "
					+ "sets itself (" + String.join(", ", RESERVED_HEADERS) + ")");
		}
		return new PasSubscription(filter, channel.getEndpoint(), headers);
	}

	private static void requireFullResourceJson(Subscription.SubscriptionChannelComponent channel) {
		if (!FHIR_JSON.equals(channel.getPayload())) {
			throw refused(PAYLOAD_ELEMENT, "PAS notifications are sent as " + FHIR_JSON);
		}
		List<Extension> content = channel.getPayloadElement().getExtensionsByUrl(PAYLOAD_CONTENT);
		if (content.size() != 1 || !content.get(0).hasValue() || !FULL_RESOURCE.equals(content.get(0).getValue().primitiveValue())) {
			throw refused(PAYLOAD_ELEMENT, "PAS notifications carry the full resource: the payload's " + PAYLOAD_CONTENT
					+ " extension is " + FULL_RESOURCE);
		}
	}

	private static boolean sendable(String header) {
		if (header == null || header.contains("\n") || header.contains("\r")) {
			return false;
		}
		int colon = header.indexOf(':');
		String name = colon < 0 ? "" : header.substring(0, colon).strip();
		return HEADER_NAME.matcher(name).matches() && !RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
	}

	/** Each header's name and value, as sent with every notification. */
	List<String[]> headerPairs() {
		return headers.stream().map(header -> {
			int colon = header.indexOf(':');
			return new String[] {header.substring(0, colon).strip(), header.substring(colon + 1).strip()};
		}).toList();
	}

	private static RecourseException refused(String element, String message) {
		return new RecourseException(RecourseError.UNPROCESSABLE, element, message);
	}
}
