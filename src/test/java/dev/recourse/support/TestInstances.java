package dev.recourse.support;

import dev.recourse.ehr.fake.ClientKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Recourse instances beside the shared test server, each started on first use and kept for the JVM (Spring's
 * shutdown hook closes them at exit): a payer on a PostgreSQL database of its own, and a second provider on the shared
 * server's database. Each start-up costs some 20 s, so the tests that need them share them.
 */
public final class TestInstances {
	private static RecourseInstance payer;
	private static RecourseInstance secondProvider;

	private TestInstances() {
	}

	/**
	 * The payer: its own PostgreSQL database (so the pair is H2 + PostgreSQL in the H2 run, two PostgreSQL databases in
	 * the other), the test issuer's tokens, {@link TestTokens#PAYER_CLIENT} as its reviewer. Once it runs, the proxy
	 * forwards to it and the test issuer grants the provider ({@link TestPayers#RECOURSE_PROVIDER_CLIENT}, Recourse's test
	 * keys) tokens for it.
	 */
	public static synchronized RecourseInstance payer() {
		if (payer == null) {
			Map<String, String> properties = new LinkedHashMap<>(TestDatabase.newPostgresDatabase("recourse_payer"));
			properties.put("recourse.security.issuers[0].issuer", FhirIntegrationTest.ISSUER.url());
			properties.put("recourse.security.issuers[0].jwk-set-uri", FhirIntegrationTest.ISSUER.jwksUrl());
			properties.put("recourse.security.payer-clients", TestTokens.PAYER_CLIENT);
			// the provider (the shared server) subscribes for the referral example's requester; notices go to its proxy
			properties.put("recourse.payer.notifications.trading-partners[" + TestPayers.RECOURSE_PROVIDER_CLIENT + "]", TestPayers.PROVIDER_ORGANIZATION);
			properties.put("recourse.security.outbound-allowed-urls", FhirIntegrationTest.NOTICE_PROXY.root() + "/pas-notifications/");
			properties.put("recourse.payer.notifications.delivery.drain-interval", "200ms");
			properties.put("recourse.payer.notifications.delivery.initial-backoff", "100ms");
			properties.put("recourse.payer.notifications.delivery.max-backoff", "200ms");
			payer = RecourseInstance.start("recourse-payer", properties);
			FhirIntegrationTest.PAYER_PROXY.forwardTo(payer.root());
			FhirIntegrationTest.ISSUER.registerClient(TestPayers.RECOURSE_PROVIDER_CLIENT, ClientKeys.registered(), payer.fhirBase());
		}
		return payer;
	}

	/** A second provider: configured as the shared server is, on its database, so both drain one outbox. */
	public static synchronized RecourseInstance secondProvider() {
		if (secondProvider == null) {
			secondProvider = RecourseInstance.start("recourse-provider-2", FhirIntegrationTest.providerProperties());
		}
		return secondProvider;
	}
}
