package dev.recourse.security.guard;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.security.SecurityProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The places this server may call out to, and nowhere else: every outbound request (Subscription
 * deliveries, the EHR client, payer submission) asks here first, so a URL a caller stored cannot turn the
 * server into a proxy into the network it runs in (SSRF).
 *
 * <p>A URL is allowed when it is an absolute http(s) URL without user information that lies under one of
 * {@code recourse.security.outbound-allowed-urls}: same scheme, host and port, and the entry's path ending
 * at a segment boundary ({@code https://ehr.example.org/fhir} admits {@code …/fhir/Patient}, not
 * {@code …/fhir2} nor {@code https://ehr.example.org.evil.com}). An empty list allows nothing.
 *
 * <p>The check is about the URL as written. The HTTP client that makes the call must not follow
 * redirects to places this policy has not checked.
 */
@Component
public class OutboundUrlPolicy {
	static final String PROPERTY = "recourse.security.outbound-allowed-urls";

	private final List<OutboundUrl> allowed;

	@Autowired
	OutboundUrlPolicy(SecurityProperties properties) {
		this(properties.outboundAllowedUrls());
	}

	/** A malformed entry stops start-up: a list that silently drops entries is one nobody can review. */
	OutboundUrlPolicy(List<String> allowedUrls) {
		List<OutboundUrl> parsed = new ArrayList<>();
		for (int i = 0; i < allowedUrls.size(); i++) {
			parsed.add(allowedEntry(allowedUrls.get(i), PROPERTY + "[" + i + "]"));
		}
		this.allowed = List.copyOf(parsed);
	}

	/**
	 * Refuses a URL the server may not call with 422 naming the element it came from.
	 *
	 * @param url the URL as the caller or the configuration gave it
	 * @param element FHIRPath or parameter name the URL came from, e.g. {@code Subscription.channel.endpoint}
	 */
	public void check(String url, String element) {
		refusal(url).ifPresent(reason -> {
			throw new RecourseException(RecourseError.UNPROCESSABLE, element, reason);
		});
	}

	/** Why the server may not call the URL, or empty when it may. */
	public Optional<String> refusal(String url) {
		OutboundUrl target;
		try {
			target = OutboundUrl.parse(url);
		} catch (IllegalArgumentException e) {
			return Optional.of(e.getMessage());
		}
		if (allowed.isEmpty()) {
			return Optional.of("This server makes no outbound calls: " + PROPERTY + " is empty");
		}
		if (allowed.stream().noneMatch(target::isUnder)) {
			return Optional.of("The URL (" + target.origin() + ") is not under any of the URLs this server may call ("
					+ PROPERTY + ")");
		}
		return Optional.empty();
	}

	/**
	 * Whether a URL lies at or below a base URL: same scheme, host and port, path under the base's. How a
	 * {@code next} link an EHR sent is told apart from one that would take us elsewhere.
	 */
	public static boolean isUnder(String url, String base) {
		try {
			return OutboundUrl.parse(url).isUnder(OutboundUrl.parse(base));
		} catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** Scheme, host and port of a URL, safe to name in a message; "an invalid URL" when it has none. */
	public static String originOf(String url) {
		try {
			return OutboundUrl.parse(url).origin();
		} catch (IllegalArgumentException e) {
			return "an invalid URL";
		}
	}

	private static OutboundUrl allowedEntry(String entry, String name) {
		OutboundUrl url;
		try {
			url = OutboundUrl.parse(entry);
		} catch (IllegalArgumentException e) {
			throw new IllegalStateException(name + ": " + e.getMessage());
		}
		if (entry.contains("?") || entry.contains("#")) {
			throw new IllegalStateException(name + ": an allowed URL is a prefix of scheme, host, port and path; drop the query or fragment");
		}
		return url;
	}
}
