package dev.recourse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import dev.recourse.support.FhirIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoDataIT extends FhirIntegrationTest {

	@Autowired
	IFhirSystemDao<Bundle, ?> systemDao;

	@Test
	void demoBundles_loadAndReloadWithoutNewVersions() {
		DemoDataLoader loader = new DemoDataLoader(
				new DemoProperties(true, "classpath:demo/Bundle-pas-*.json", null), fhirContext, systemDao);

		assertThat(loader.load()).isEqualTo(2);
		assertThat(loader.load()).isEqualTo(2);

		ClaimResponse denial = client.read().resource(ClaimResponse.class).withId("RejectionResponseExample").execute();
		assertThat(denial.getMeta().getVersionId()).isEqualTo("1");
		assertThat(denial.getRequest().getReference()).isEqualTo("Claim/ReferralAuthorizationExample");
	}
}
