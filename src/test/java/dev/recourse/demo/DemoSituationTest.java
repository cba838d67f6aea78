package dev.recourse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** The demo's data files agree with each other: what the loader and the demo EHR rely on. */
class DemoSituationTest {
	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final List<DemoSituation> SITUATIONS = DemoSituation.read("demo/situations.yaml");

	@Test
	void threeSituations_oneDueWithin48Hours() {
		assertThat(SITUATIONS).extracting(DemoSituation::name).containsExactly("off-label-ms", "ra-step-therapy", "pcsk9-statin-intolerance");
		// ERISA appeals are due 180 days after receipt (rules/clocks.yaml erisa-appeal-filing)
		assertThat(SITUATIONS).filteredOn(situation -> 180 - situation.receivedDaysAgo() <= 1).hasSize(1);
	}

	@Test
	void eachPlan_oneDenialWithItsRequest_andThePatientAsTheFixtureHasThem() {
		for (DemoSituation situation : SITUATIONS) {
			List<Resource> plan = ChartBundles.read(FHIR, situation.plan());
			ClaimResponse denial = only(plan, ClaimResponse.class);
			Claim request = only(plan, Claim.class);
			assertThat(denial.getRequest().getReference()).isEqualTo("Claim/" + request.getIdElement().getIdPart());
			assertThat(denial.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/received-date")).isNotNull();
			Patient registered = only(plan, Patient.class);
			Patient atTheEhr = only(ChartBundles.read(FHIR, situation.fixture()), Patient.class);
			assertThat(registered.getIdentifier()).extracting(Identifier::getValue)
					.containsExactlyElementsOf(atTheEhr.getIdentifier().stream().map(Identifier::getValue).toList());
			assertThat(registered.getBirthDateElement().getValueAsString()).isEqualTo(atTheEhr.getBirthDateElement().getValueAsString());
			Organization insurer = only(plan, Organization.class);
			assertThat(insurer.getIdentifier()).as("routed to the demo payer")
					.anyMatch(id -> id.getSystem().equals("http://recourse.dev/fhir/sid/demo-payer") && id.getValue().equals("recourse-demo-payer"));
		}
	}

	@Test
	void eachChart_aboutTheFixturePatient() {
		for (DemoSituation situation : SITUATIONS) {
			String patientId = only(ChartBundles.read(FHIR, situation.fixture()), Patient.class).getIdElement().getIdPart();
			DemoChart chart = new DemoChart();
			List<Resource> records = ChartBundles.read(FHIR, situation.chart());
			assertThat(records).isNotEmpty().allMatch(record -> chart.belongsTo(record, patientId), "belongs to Patient/" + patientId);
		}
	}

	private static <T extends Resource> T only(List<Resource> resources, Class<T> type) {
		List<T> found = resources.stream().filter(type::isInstance).map(type::cast).toList();
		assertThat(found).as(type.getSimpleName()).hasSize(1);
		return found.get(0);
	}
}
