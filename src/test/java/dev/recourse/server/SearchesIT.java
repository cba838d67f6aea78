package dev.recourse.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.param.ReferenceParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.support.FhirIntegrationTest;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An operation's own searches ({@link Searches}) find every match, not the first page of the server's default size. */
class SearchesIT extends FhirIntegrationTest {
	@Autowired
	LocalRepositories repositories;

	@Test
	void everyMatch_findsEveryRecord_pastTheDefaultAndTheLargestPageSize() {
		// more than the default page size (20) and than the tests' largest page (50)
		String patient = patientWithConditions(57);

		List<Condition> found = Searches.everyMatch(repositories.forServer(), Condition.class, ofPatient(patient));

		assertThat(found).hasSize(57);
		assertThat(found).extracting(condition -> condition.getIdElement().getIdPart()).doesNotHaveDuplicates();
	}

	@Test
	void everyMatch_ofExactlyTwoFullPages_findsThemAll() {
		String patient = patientWithConditions(100);

		assertThat(Searches.everyMatch(repositories.forServer(), Condition.class, ofPatient(patient)))
				.extracting(condition -> condition.getIdElement().getIdPart()).hasSize(100).doesNotHaveDuplicates();
	}

	@Test
	void firstPage_keepsTheCountTheCallerNamed() {
		String patient = patientWithConditions(7);
		Multimap<String, List<IQueryParameterType>> params = ofPatient(patient);
		params.put("_count", List.of(new ca.uhn.fhir.rest.param.NumberParam(3)));

		assertThat(Searches.firstPage(repositories.forServer(), Condition.class, params)).hasSize(3);
	}

	private String patientWithConditions(int conditions) {
		String patient = client.create().resource(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Many")))
				.execute().getId().toUnqualifiedVersionless().getValue();
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < conditions; i++) {
			Condition condition = new Condition().setSubject(new Reference(patient));
			condition.getCode().setText("Condition " + i);
			transaction.addEntry().setResource(condition).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");
		}
		client.transaction().withBundle(transaction).execute();
		return patient;
	}

	private static Multimap<String, List<IQueryParameterType>> ofPatient(String patient) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("patient", List.of(new ReferenceParam(patient)));
		return params;
	}
}
