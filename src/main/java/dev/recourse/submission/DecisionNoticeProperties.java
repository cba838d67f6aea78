package dev.recourse.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PAS decision notifications this server subscribes to at payers whose
 * {@code recourse.submission.payers[n].subscribe} is true ({@code recourse.submission.decision-notices.*}).
 *
 * @param publicBaseUrl this server's address as the payer reaches it, e.g. {@code https://recourse.example.org}; the
 *        payer posts to {@code <publicBaseUrl>/pas-notifications/<payer id>}
 * @param organizationIdentifier our organization's identifier value the payer filters on ({@code orgIdentifier=…})
 * @param retryInterval how often a subscription not yet made at a payer is tried again; zero: at start-up only
 */
@ConfigurationProperties("recourse.submission.decision-notices")
public record DecisionNoticeProperties(String publicBaseUrl, String organizationIdentifier, Duration retryInterval) {
	/** Where payers post notifications, outside {@code /fhir}: authenticated by the subscription's secret, not a SMART token. */
	public static final String RECEIVER_PATH = "/pas-notifications";

	public DecisionNoticeProperties {
		publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
		organizationIdentifier = organizationIdentifier == null ? "" : organizationIdentifier.strip();
		retryInterval = retryInterval == null ? Duration.ofMinutes(5) : retryInterval;
	}

	/** The URL a payer's rest-hook posts to. */
	String receiverUrl(String payerId) {
		return publicBaseUrl + RECEIVER_PATH + "/" + payerId;
	}
}
