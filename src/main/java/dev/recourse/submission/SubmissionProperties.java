package dev.recourse.submission;

import dev.recourse.outbox.OutboxTiming;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of submission to payers ({@code recourse.submission.*}).
 *
 * @param payers payers registered at start-up as Endpoint resources
 * @param drainInterval how often the outbox is drained; zero: never by schedule (only {@code $submit}'s own attempt)
 * @param lease how long a claimed submission is left to its claimer before another instance may take it over; at least
 *        twice connect + read timeout, so that it cannot run out while its holder still waits for the payer
 * @param initialBackoff wait before the first retry; doubles each attempt up to {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts deliveries tried before the submission is given up (status failed)
 * @param connectTimeout to open a connection to the payer
 * @param readTimeout between bytes of the payer's answer; a slower payer leaves the outcome unknown
 */
@ConfigurationProperties("recourse.submission")
public record SubmissionProperties(List<Payer> payers, Duration drainInterval, Duration lease, Duration initialBackoff,
		Duration maxBackoff, int maxAttempts, Duration connectTimeout, Duration readTimeout) {

	public SubmissionProperties {
		payers = payers == null ? List.of() : List.copyOf(payers);
		OutboxTiming timing = new OutboxTiming(drainInterval, lease, initialBackoff, maxBackoff, maxAttempts, connectTimeout, readTimeout)
				.requireLeaseCoversAttempt("recourse.submission");
		drainInterval = timing.drainInterval();
		lease = timing.lease();
		initialBackoff = timing.initialBackoff();
		maxBackoff = timing.maxBackoff();
		maxAttempts = timing.maxAttempts();
		connectTimeout = timing.connectTimeout();
		readTimeout = timing.readTimeout();
	}

	/** The outbox's pacing, as the shared outbox takes it. */
	public OutboxTiming timing() {
		return new OutboxTiming(drainInterval, lease, initialBackoff, maxBackoff, maxAttempts, connectTimeout, readTimeout);
	}

	/**
	 * A payer known from configuration.
	 *
	 * @param id the Endpoint resource's id
	 * @param name shown to specialists
	 * @param address the payer's FHIR base URL (PAS {@code Claim/$submit} is under it); must lie under
	 *        {@code recourse.security.outbound-allowed-urls}
	 * @param organization the payer Organization's identifier, {@code system|value}: a packet whose
	 *        {@code Claim.insurer} carries it goes to this payer
	 * @param clientId SMART Backend Services client id; blank: the payer asks for no token
	 * @param scope scopes asked for
	 * @param keyAlias signing key in {@code recourse.ehr.keystore}
	 * @param tokenEndpoint blank: discovered from the payer's {@code .well-known/smart-configuration}
	 * @param subscribe whether to subscribe at the payer to its PAS decision notifications
	 *        ({@code recourse.submission.decision-notices})
	 */
	public record Payer(String id, String name, String address, String organization, String clientId, String scope,
			String keyAlias, String tokenEndpoint, boolean subscribe) {
	}
}
