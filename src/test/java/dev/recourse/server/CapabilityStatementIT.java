package dev.recourse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

class CapabilityStatementIT extends FhirIntegrationTest {

	@Autowired
	BuildProperties build;

	@Test
	void metadata_namesRecourseAndItsVersion() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(capabilities.getSoftware().getName()).isEqualTo("Recourse");
		assertThat(capabilities.getSoftware().getVersion()).isEqualTo(build.getVersion()).isNotBlank();
		assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(capabilities.getInstantiates()).extracting(CanonicalType::getValue)
				.contains("http://recourse.dev/fhir/CapabilityStatement/recourse-server");
		assertThat(capabilities.getRestFirstRep().getResource())
				.extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
				.contains("ClaimResponse", "Task", "Claim", "Coverage", "Patient");
	}
}
