package dev.recourse.support;

import dev.recourse.submission.fake.FakePayer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Identifier;

/**
 * The payers of the integration tests. The fake payer, started once per JVM before the server, is the configured
 * payer Endpoint {@link #PAYER_ENDPOINT} of the PAS referral example's insurer. A real Recourse payer instance
 * ({@link TestInstances#payer()}), reached through a {@link FaultProxy}, is {@link #RECOURSE_PAYER_ENDPOINT} of
 * another insurer, {@link #RECOURSE_PAYER_INSURER}; the server gets its tokens there by SMART Backend Services as
 * {@link #RECOURSE_PROVIDER_CLIENT} from the test issuer. The fake payer is subscribed to for decision notifications at start-up. The outbox is not drained on a schedule in tests (they drain it
 * themselves) and retries come quickly.
 */
public final class TestPayers {
	public static final String PAYER_ENDPOINT = "test-payer";
	/** The identifier of the PAS referral example's insurer (Organization/InsurerExample). */
	public static final String INSURER = "http://hl7.org/fhir/sid/us-npi|1234567893";
	/** Our organization's identifier the subscription filters on (the PAS example requestor's NPI). */
	public static final String ORGANIZATION_IDENTIFIER = "8189991234";
	/** A provider system subscribing to this server's decisions (the payer side) for the referral example's requester. */
	public static final String PROVIDER_CLIENT = "test-provider";
	/** The identifier of the PAS referral example's requesting organization (Organization/UMOExample). */
	public static final String PROVIDER_ORGANIZATION = "http://hl7.org/fhir/sid/us-npi|8189991234";
	/** An organization another provider system subscribes for. */
	public static final String OTHER_CLIENT = "test-other-provider";
	public static final String OTHER_ORGANIZATION = "http://hl7.org/fhir/sid/us-npi|1999999984";
	public static final String RECOURSE_PAYER_ENDPOINT = "recourse-payer";
	/** The NPI (a valid one: Luhn check digit) of the insurer whose packets go to the payer instance. */
	public static final String RECOURSE_PAYER_INSURER = "http://hl7.org/fhir/sid/us-npi|1987654328";
	/** The OAuth client the provider is at the payer instance's authorization server (the test issuer). */
	public static final String RECOURSE_PROVIDER_CLIENT = "recourse-provider";
	/** What the provider asks the payer's authorization server for: submit, inquire and subscribe, nothing else. */
	public static final String PROVIDER_SCOPES = "system/Claim.c system/ClaimResponse.s system/Subscription.c";

	private TestPayers() {
	}

	/** An Identifier from the {@code system|value} form the constants here use. */
	public static Identifier identifier(String systemAndValue) {
		String[] parts = systemAndValue.split("\\|", 2);
		return new Identifier().setSystem(parts[0]).setValue(parts[1]);
	}

	static FakePayer start() {
		return FakePayer.start();
	}

	static Map<String, String> properties(FakePayer payer, FaultProxy recoursePayer, TestTokenIssuer issuer) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("recourse.submission.payers[0].id", PAYER_ENDPOINT);
		properties.put("recourse.submission.payers[0].name", "Test payer");
		properties.put("recourse.submission.payers[0].address", payer.baseUrl());
		properties.put("recourse.submission.payers[0].organization", INSURER);
		properties.put("recourse.submission.payers[0].subscribe", "true");
		properties.put("recourse.submission.payers[1].id", RECOURSE_PAYER_ENDPOINT);
		properties.put("recourse.submission.payers[1].name", "Recourse payer instance");
		properties.put("recourse.submission.payers[1].address", recoursePayer.root() + "/fhir");
		properties.put("recourse.submission.payers[1].organization", RECOURSE_PAYER_INSURER);
		properties.put("recourse.submission.payers[1].client-id", RECOURSE_PROVIDER_CLIENT);
		properties.put("recourse.submission.payers[1].scope", PROVIDER_SCOPES);
		properties.put("recourse.submission.payers[1].key-alias", TestEhrs.KEY_RS384);
		properties.put("recourse.submission.payers[1].token-endpoint", issuer.tokenUrl());
		properties.put("recourse.submission.payers[1].subscribe", "true");
		properties.put("recourse.submission.decision-notices.organization-identifier", ORGANIZATION_IDENTIFIER);
		properties.put("recourse.submission.decision-notices.retry-interval", "0s");
		properties.put("recourse.submission.drain-interval", "0s");
		properties.put("recourse.submission.initial-backoff", "10ms");
		properties.put("recourse.submission.max-backoff", "50ms");
		// long enough for the payer instance on a loaded 2-core machine: a timeout makes the outcome unknown (asked, maybe sent again)
		properties.put("recourse.submission.read-timeout", "30s");
		properties.put("recourse.payer.notifications.trading-partners[" + PROVIDER_CLIENT + "]", PROVIDER_ORGANIZATION);
		properties.put("recourse.payer.notifications.trading-partners[" + OTHER_CLIENT + "]", OTHER_ORGANIZATION);
		properties.put("recourse.payer.notifications.delivery.drain-interval", "0s");
		properties.put("recourse.payer.notifications.delivery.initial-backoff", "10ms");
		properties.put("recourse.payer.notifications.delivery.max-backoff", "50ms");
		properties.put("recourse.payer.notifications.delivery.read-timeout", "5s");
		return properties;
	}
}
