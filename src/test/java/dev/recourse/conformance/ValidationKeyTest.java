package dev.recourse.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The key of a validation verdict: a packet validated against its profile and then stored claiming it (with the
 * version and time storing sets) is one key, so it is validated once; any change of content or profile is another.
 */
class ValidationKeyTest {
	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final String PACKET = "http://recourse.dev/fhir/StructureDefinition/recourse-packet";

	@Test
	void askedWithTheProfile_thenStoredClaimingIt_isOneKey() {
		Bundle asked = packet();
		Bundle stored = packet();
		stored.getMeta().addProfile(PACKET).setVersionId("1").setLastUpdated(new Date()).setSource("#abc");

		assertThat(ValidationKey.of(FHIR, stored)).isEqualTo(ValidationKey.of(FHIR, withProfile(asked), PACKET));
		assertThat(stored.getMeta().getVersionId()).as("the resource itself is left alone").isEqualTo("1");
	}

	@Test
	void otherContentOrOtherProfiles_areOtherKeys() {
		Bundle packet = withProfile(packet());
		Bundle changed = withProfile(packet());
		((Patient) changed.getEntryFirstRep().getResource()).getNameFirstRep().setFamily("Other");

		assertThat(ValidationKey.of(FHIR, changed)).isNotEqualTo(ValidationKey.of(FHIR, packet));
		assertThat(ValidationKey.of(FHIR, packet, "http://example.org/other")).isNotEqualTo(ValidationKey.of(FHIR, packet));
	}

	private static Bundle packet() {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		bundle.setId("packet-1");
		Patient patient = new Patient();
		patient.setId("p");
		patient.addName().setFamily("Okafor");
		bundle.addEntry().setFullUrl("http://x/fhir/Patient/p").setResource(patient);
		return bundle;
	}

	private static Bundle withProfile(Bundle bundle) {
		bundle.getMeta().addProfile(PACKET);
		return bundle;
	}
}
