package dev.recourse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class IdempotentTransactionTest {

	@Test
	void uuidEntries_becomePutsOfTheUuid() {
		Bundle source = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		source.addEntry().setFullUrl("urn:uuid:0b7a3c5e-1111-4c4c-9d9d-000000000001").setResource(new Patient())
				.getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");

		Bundle.BundleEntryComponent entry = IdempotentTransaction.of(source).getEntryFirstRep();

		assertThat(entry.getRequest().getMethod()).isEqualTo(HTTPVerb.PUT);
		assertThat(entry.getRequest().getUrl()).isEqualTo("Patient/0b7a3c5e-1111-4c4c-9d9d-000000000001");
		assertThat(entry.getFullUrl()).isEqualTo("urn:uuid:0b7a3c5e-1111-4c4c-9d9d-000000000001");
		assertThat(entry.getResource().getIdElement().getIdPart()).isEqualTo("0b7a3c5e-1111-4c4c-9d9d-000000000001");
	}

	@Test
	void collectionEntriesWithIds_becomePutsOfTheirIds() {
		Bundle source = new Bundle().setType(Bundle.BundleType.COLLECTION);
		source.addEntry().setFullUrl("http://example.org/fhir/Observation/bp").setResource(new Observation().setId("bp"));

		Bundle transaction = IdempotentTransaction.of(source);

		assertThat(transaction.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
		assertThat(transaction.getEntryFirstRep().getRequest().getUrl()).isEqualTo("Observation/bp");
	}

	@Test
	void entryWithoutAnyId_isRefused() {
		Bundle source = new Bundle();
		source.addEntry().setResource(new Patient());

		assertThatThrownBy(() -> IdempotentTransaction.of(source))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Patient");
	}
}
