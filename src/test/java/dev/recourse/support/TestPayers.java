package dev.recourse.support;

import dev.recourse.submission.fake.FakePayer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payers of the integration tests. The fake payer, started once per JVM before the server, is the configured
 * payer Endpoint {@link #PAYER_ENDPOINT} of the PAS referral example's insurer. A real Recourse payer instance
 * ({@link TestInstances#payer()}), reached through a {@link FaultProxy}, is {@link #RECOURSE_PAYER_ENDPOINT} of
 * another insurer, {@link #RECOURSE_PAYER_INSURER}; the server gets its tokens there by SMART Backend Services as
 * {@link #PROVIDER_CLIENT} from the test issuer. The outbox is not drained on a schedule in tests (they drain it
 * themselves) and retries come quickly.
 */
public final class TestPayers {
	public static final String PAYER_ENDPOINT = "test-payer";
	/** The identifier of the PAS referral example's insurer (Organization/InsurerExample). */
	public static final String INSURER = "http://hl7.org/fhir/sid/us-npi|1234567893";
	public static final String RECOURSE_PAYER_ENDPOINT = "recourse-payer";
	/** The NPI (a valid one: Luhn check digit) of the insurer whose packets go to the payer instance. */
	public static final String RECOURSE_PAYER_INSURER = "http://hl7.org/fhir/sid/us-npi|1987654328";
	/** The OAuth client the provider is at the payer instance's authorization server (the test issuer). */
	public static final String PROVIDER_CLIENT = "recourse-provider";
	/** What the provider asks the payer's authorization server for: submit and inquire, nothing else. */
	public static final String PROVIDER_SCOPES = "system/Claim.c system/ClaimResponse.s";

	private TestPayers() {
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
		properties.put("recourse.submission.payers[1].id", RECOURSE_PAYER_ENDPOINT);
		properties.put("recourse.submission.payers[1].name", "Recourse payer instance");
		properties.put("recourse.submission.payers[1].address", recoursePayer.root() + "/fhir");
		properties.put("recourse.submission.payers[1].organization", RECOURSE_PAYER_INSURER);
		properties.put("recourse.submission.payers[1].client-id", PROVIDER_CLIENT);
		properties.put("recourse.submission.payers[1].scope", PROVIDER_SCOPES);
		properties.put("recourse.submission.payers[1].key-alias", TestEhrs.KEY_RS384);
		properties.put("recourse.submission.payers[1].token-endpoint", issuer.tokenUrl());
		properties.put("recourse.submission.drain-interval", "0s");
		properties.put("recourse.submission.initial-backoff", "10ms");
		properties.put("recourse.submission.max-backoff", "50ms");
		// long enough for the payer instance on a loaded 2-core machine: a timeout makes the outcome unknown (asked, maybe sent again)
		properties.put("recourse.submission.read-timeout", "30s");
		return properties;
	}
}
