package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class BundleIndexTest {

	@Test
	void relativeReferences_resolveAgainstTheReferringEntrysServer() {
		BundleIndex index = new BundleIndex(PasFixtures.referral());

		assertThat(index.resolve("Patient/SubscriberExample", 0)).contains(4);
		assertThat(index.resolve("http://example.org/fhir/Patient/SubscriberExample", -1)).contains(4);
		assertThat(index.resolve("http://example.org/fhir/Patient/SubscriberExample/_history/2", -1)).contains(4);
		assertThat(index.resolve("Patient/Nobody", 0)).isEmpty();
		assertThat(index.resolve("#contained", 0)).isEmpty();
	}

	@Test
	void urnEntries_resolveByFullUrl_andRelativeOnesByTypeAndId() {
		Bundle bundle = new Bundle();
		bundle.addEntry().setFullUrl("urn:uuid:a").setResource(new Observation().setId("o1"));
		bundle.addEntry().setFullUrl("urn:uuid:b").setResource(new Patient().setId("p1"));
		BundleIndex index = new BundleIndex(bundle);

		assertThat(index.resolve("urn:uuid:b", 0)).contains(1);
		assertThat(index.resolve("Patient/p1", 0)).contains(1);
		assertThat(index.absolute("Patient/elsewhere", 0)).isEmpty();
	}

	@Test
	void referencesToNoEntry_nameTheSendersServer_orNothing() {
		BundleIndex index = new BundleIndex(PasFixtures.referral());

		assertThat(index.absolute("Encounter/e1", 0)).contains("http://example.org/fhir/Encounter/e1");
		assertThat(index.absolute("https://ehr.example.org/fhir/Encounter/e1", 0)).contains("https://ehr.example.org/fhir/Encounter/e1");
		assertThat(index.absolute("urn:uuid:gone", 0)).isEmpty();
		assertThat(BundleIndex.restfulBase("http://example.org/fhir/Patient/1")).contains("http://example.org/fhir");
		assertThat(BundleIndex.restfulBase("urn:uuid:1")).isEmpty();
	}
}
