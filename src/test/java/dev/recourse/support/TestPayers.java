package dev.recourse.support;

import dev.recourse.submission.fake.FakePayer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payer of the integration tests, started once per JVM before the server and known to it as the configured
 * payer Endpoint {@link #PAYER_ENDPOINT} of the PAS referral example's insurer, subscribed to for decision notifications
 * at start-up. The outbox is not drained on a schedule in tests (they drain it themselves) and retries come quickly.
 */
public final class TestPayers {
	public static final String PAYER_ENDPOINT = "test-payer";
	/** The identifier of the PAS referral example's insurer (Organization/InsurerExample). */
	public static final String INSURER = "http://hl7.org/fhir/sid/us-npi|1234567893";
	/** Where the fake payer is told to post notifications; the tests post to the server's real port themselves. */
	public static final String PUBLIC_BASE_URL = "https://recourse.test";
	/** Our organization's identifier the subscription filters on (the PAS example requestor's NPI). */
	public static final String ORGANIZATION_IDENTIFIER = "8189991234";
	/** A provider system subscribing to this server's decisions (the payer side) for the referral example's requester. */
	public static final String PROVIDER_CLIENT = "test-provider";
	/** The identifier of the PAS referral example's requesting organization (Organization/UMOExample). */
	public static final String PROVIDER_ORGANIZATION = "http://hl7.org/fhir/sid/us-npi|8189991234";
	/** An organization another provider system subscribes for. */
	public static final String OTHER_CLIENT = "test-other-provider";
	public static final String OTHER_ORGANIZATION = "http://hl7.org/fhir/sid/us-npi|1999999984";

	private TestPayers() {
	}

	static FakePayer start() {
		return FakePayer.start();
	}

	static Map<String, String> properties(FakePayer payer) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("recourse.submission.payers[0].id", PAYER_ENDPOINT);
		properties.put("recourse.submission.payers[0].name", "Test payer");
		properties.put("recourse.submission.payers[0].address", payer.baseUrl());
		properties.put("recourse.submission.payers[0].organization", INSURER);
		properties.put("recourse.submission.payers[0].subscribe", "true");
		properties.put("recourse.submission.decision-notices.public-base-url", PUBLIC_BASE_URL);
		properties.put("recourse.submission.decision-notices.organization-identifier", ORGANIZATION_IDENTIFIER);
		properties.put("recourse.submission.decision-notices.retry-interval", "0s");
		properties.put("recourse.submission.drain-interval", "0s");
		properties.put("recourse.submission.initial-backoff", "10ms");
		properties.put("recourse.submission.max-backoff", "50ms");
		properties.put("recourse.submission.read-timeout", "5s");
		properties.put("recourse.payer.notifications.trading-partners[" + PROVIDER_CLIENT + "]", PROVIDER_ORGANIZATION);
		properties.put("recourse.payer.notifications.trading-partners[" + OTHER_CLIENT + "]", OTHER_ORGANIZATION);
		properties.put("recourse.payer.notifications.delivery.drain-interval", "0s");
		properties.put("recourse.payer.notifications.delivery.initial-backoff", "10ms");
		properties.put("recourse.payer.notifications.delivery.max-backoff", "50ms");
		properties.put("recourse.payer.notifications.delivery.read-timeout", "5s");
		return properties;
	}
}
