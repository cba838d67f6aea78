package dev.recourse.submission;

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
		drainInterval = drainInterval == null ? Duration.ofSeconds(30) : drainInterval;
		lease = lease == null ? Duration.ofMinutes(5) : lease;
		initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
		maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
		maxAttempts = maxAttempts > 0 ? maxAttempts : 12;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
		if (lease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(2)) < 0) {
			// a lease that can run out while its holder still waits for the payer would let a second sender in
			throw new IllegalStateException("recourse.submission.lease (" + lease + ") must be at least twice connect-timeout + read-timeout ("
					+ connectTimeout.plus(readTimeout) + ")");
		}
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
