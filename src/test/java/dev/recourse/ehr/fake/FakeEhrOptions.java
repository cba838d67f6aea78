package dev.recourse.ehr.fake;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a {@link FakeEhr} starts.
 *
 * @param bundles classpath paths of the transaction or collection Bundles it serves
 * @param everything whether it offers {@code Patient/{id}/$everything}
 * @param client the SMART Backend Services client it registers; empty: no auth at all
 * @param tokenLifetime how long an access token lives ({@code expires_in})
 */
public record FakeEhrOptions(List<String> bundles, boolean everything, Optional<Client> client, Duration tokenLifetime) {
	public static final String USCORE_PATIENT_85 = "fixtures/ehr/Bundle-uscore-patient-85.json";
	public static final String SYNTHEA_ALEJANDRO = "fixtures/ehr/Bundle-synthea-alejandro-riojas.json";
	public static final String DTR_PAT015 = "fixtures/ehr/Bundle-dtr-pat015.json";
	/** The default client id, registered with the public keys of {@link ClientKeys#registered()}. */
	public static final String CLIENT_ID = "recourse-test-client";

	public FakeEhrOptions {
		bundles = List.copyOf(bundles);
		tokenLifetime = tokenLifetime == null ? Duration.ofSeconds(300) : tokenLifetime;
	}

	/**
	 * A registered client.
	 *
	 * @param clientId iss and sub of its assertions
	 * @param publicKeys the keys its assertions may be signed with
	 */
	public record Client(String clientId, JWKSet publicKeys) {
	}

	public static Builder builder() {
		return new Builder();
	}

	public static final class Builder {
		private final List<String> bundles = new ArrayList<>();
		private boolean everything;
		private Client client;
		private Duration tokenLifetime = Duration.ofSeconds(300);

		private Builder() {
		}

		public Builder bundle(String classpathBundle) {
			bundles.add(classpathBundle);
			return this;
		}

		/** The three third-party patients: US Core patient 85, Synthea's Alejandro Riojas, DTR's pat015. */
		public Builder allFixtures() {
			return bundle(USCORE_PATIENT_85).bundle(SYNTHEA_ALEJANDRO).bundle(DTR_PAT015);
		}

		public Builder everything(boolean offered) {
			this.everything = offered;
			return this;
		}

		/** Registers {@link #CLIENT_ID} with Recourse's test keys, so every FHIR request needs a token. */
		public Builder defaultClient() {
			return client(CLIENT_ID, ClientKeys.registered());
		}

		public Builder client(String clientId, JWKSet publicKeys) {
			this.client = new Client(clientId, publicKeys.toPublicJWKSet());
			return this;
		}

		public Builder tokenLifetime(Duration lifetime) {
			this.tokenLifetime = lifetime;
			return this;
		}

		public FakeEhrOptions build() {
			return new FakeEhrOptions(bundles, everything, Optional.ofNullable(client), tokenLifetime);
		}

		public FakeEhr start() {
			return FakeEhr.start(build());
		}
	}
}
