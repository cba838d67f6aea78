package dev.recourse.ehr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrProperties.ConfiguredEndpoint;
import org.hl7.fhir.r4.model.Endpoint;
import org.junit.jupiter.api.Test;

class EndpointMappingTest {
	@Test
	void configuredEndpoint_roundTripsThroughTheResource() {
		Endpoint endpoint = EndpointMapping.toEndpoint(new ConfiguredEndpoint("main", "Main EHR", "https://ehr.example.org/fhir/",
				"recourse", "system/Condition.rs", "key-1", ""));
		endpoint.setId("main");

		EhrConnection connection = EndpointMapping.toConnection(endpoint);

		assertThat(connection.baseUrl()).isEqualTo("https://ehr.example.org/fhir");
		assertThat(connection.auth()).hasValueSatisfying(auth -> {
			assertThat(auth.clientId()).isEqualTo("recourse");
			assertThat(auth.scope()).isEqualTo("system/Condition.rs");
			assertThat(auth.keyAlias()).isEqualTo("key-1");
			assertThat(auth.tokenEndpoint()).isEmpty();
		});
	}

	@Test
	void endpointWithoutClientId_asksForNoToken() {
		Endpoint endpoint = EndpointMapping.toEndpoint(new ConfiguredEndpoint("open", null, "https://ehr.example.org/fhir", "", null, null, null));

		assertThat(EndpointMapping.toConnection(endpoint).auth()).isEmpty();
	}

	@Test
	void inactiveOrNonFhirEndpoint_isRefusedNamingTheElement() {
		Endpoint endpoint = EndpointMapping.toEndpoint(new ConfiguredEndpoint("x", null, "https://ehr.example.org/fhir", "", null, null, null));
		endpoint.setStatus(Endpoint.EndpointStatus.OFF);
		assertThatThrownBy(() -> EndpointMapping.toConnection(endpoint)).isInstanceOf(RecourseException.class)
				.satisfies(e -> assertThat(((RecourseException) e).element()).isEqualTo("Endpoint.status"));

		endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
		endpoint.getConnectionType().setCode("direct-project");
		assertThatThrownBy(() -> EndpointMapping.toConnection(endpoint)).isInstanceOf(RecourseException.class)
				.satisfies(e -> assertThat(((RecourseException) e).element()).isEqualTo("Endpoint.connectionType"));
	}

	@Test
	void backendServicesWithoutKeyAlias_isRefused() {
		Endpoint endpoint = EndpointMapping.toEndpoint(new ConfiguredEndpoint("x", null, "https://ehr.example.org/fhir", "c", "s", "k", null));
		endpoint.getExtensionByUrl(EndpointMapping.BACKEND_SERVICES).getExtension().removeIf(part -> part.getUrl().equals("keyAlias"));

		assertThatThrownBy(() -> EndpointMapping.toConnection(endpoint)).isInstanceOf(RecourseException.class)
				.hasMessageContaining("keyAlias");
	}
}
