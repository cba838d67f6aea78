package dev.recourse.ehr.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.ehr.fake.FakeEhr;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prior-therapy timeline over HTTP: Synthea's Alejandro Riojas (third-party fixture) as the EHR has
 * him, plus a rheumatoid-arthritis history the test adds at the EHR — methotrexate stopped for lack of
 * effect, then adalimumab, ongoing — as step-therapy criteria ask about it.
 */
class PriorTherapyIT extends PullHistoryTestBase {
	static final Identifier ALEJANDRO_MRN = new Identifier().setSystem("http://hospital.smarthealthit.org")
			.setValue("a9fcc685-c7a2-4474-bf25-26c8fe4b48f9");
	static final String EHR_ALEJANDRO = "829bb06a-42b9-433d-a8f6-560727c63da9";
	private static boolean added;

	@BeforeAll
	static void addRheumatoidArthritisHistory() {
		if (!added) {
			FakeEhr ehr = EHRS.searchOnly();
			ehr.add(request("Methotrexate 2.5 MG Oral Tablet", "2024-01-10", "2024-06-30", MedicationRequest.MedicationRequestStatus.STOPPED,
					"Inadequate response: ineffective after 24 weeks"));
			ehr.add(request("Humira 40 MG/0.4 ML Prefilled Syringe", "2024-07-15", null, MedicationRequest.MedicationRequestStatus.ACTIVE, null));
			added = true;
		}
	}

	@Test
	void pull_returnsTheTimeline_andKeepsItAsEpisodes() throws Exception {
		PulledCase pulled = openCase(ALEJANDRO_MRN);

		Parameters result = pull(pulled.caseId(), null);

		Parameters.ParametersParameterComponent methotrexate = episode(result, "methotrexate");
		Parameters.ParametersParameterComponent adalimumab = episode(result, "adalimumab");
		assertThat(code(methotrexate, "outcome")).isEqualTo("stopped-inefficacy");
		assertThat(methotrexate.getPart()).anyMatch(part -> part.getName().equals("drugClass"));
		assertThat(value(methotrexate, "start")).isEqualTo("2024-01-10");
		assertThat(value(methotrexate, "end")).isEqualTo("2024-06-30");
		assertThat(code(adalimumab, "outcome")).isEqualTo("ongoing");
		assertThat(adalimumab.getPart()).noneMatch(part -> part.getName().equals("end"));
		String source = ((Reference) methotrexate.getPart().stream().filter(part -> part.getName().equals("source")).findFirst()
				.orElseThrow().getValue()).getReference();
		MedicationRequest stored = client.read().resource(MedicationRequest.class).withUrl(source).execute();
		assertThat(stored.getSubject().getReference()).isEqualTo("Patient/" + pulled.patientId());

		Bundle episodes = client.search().forResource(MedicationStatement.class)
				.where(MedicationStatement.PATIENT.hasId(pulled.patientId()))
				.and(MedicationStatement.CATEGORY.exactly().systemAndCode("http://recourse.dev/fhir/CodeSystem/artifact-type", "prior-therapy-episode"))
				.returnBundle(Bundle.class).execute();
		assertThat(episodes.getEntry()).hasSize(result.getParameters("priorTherapy").size());
		MedicationStatement kept = episodes.getEntry().stream().map(entry -> (MedicationStatement) entry.getResource())
				.filter(statement -> statement.getMedicationCodeableConcept().getCodingFirstRep().getDisplay().toLowerCase().contains("methotrexate"))
				.findFirst().orElseThrow();
		assertThat(kept.getStatus()).isEqualTo(MedicationStatement.MedicationStatementStatus.STOPPED);
		assertThat(kept.getStatusReasonFirstRep().getCodingFirstRep().getCode()).isEqualTo("stopped-inefficacy");
		assertThat(kept.getDerivedFrom()).extracting(Reference::getReference).contains(source);
	}

	@Test
	void repull_updatesTheSameEpisodes() throws Exception {
		PulledCase pulled = openCase(ALEJANDRO_MRN);
		int first = pull(pulled.caseId(), null).getParameters("priorTherapy").size();

		pull(pulled.caseId(), null);

		Bundle episodes = client.search().forResource(MedicationStatement.class)
				.where(MedicationStatement.PATIENT.hasId(pulled.patientId()))
				.and(MedicationStatement.CATEGORY.exactly().systemAndCode("http://recourse.dev/fhir/CodeSystem/artifact-type", "prior-therapy-episode"))
				.returnBundle(Bundle.class).execute();
		assertThat(episodes.getEntry()).hasSize(first);
	}

	private static MedicationRequest request(String drug, String start, String end, MedicationRequest.MedicationRequestStatus status, String reason) {
		MedicationRequest request = new MedicationRequest();
		request.setStatus(status);
		request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		request.getMedicationCodeableConcept().setText(drug);
		request.setSubject(new Reference("Patient/" + EHR_ALEJANDRO));
		request.setAuthoredOnElement(new DateTimeType(start));
		Period validity = new Period().setStartElement(new DateTimeType(start));
		if (end != null) {
			validity.setEndElement(new DateTimeType(end));
		}
		request.getDispenseRequest().setValidityPeriod(validity);
		if (reason != null) {
			request.getStatusReason().setText(reason);
		}
		return request;
	}

	private static Parameters.ParametersParameterComponent episode(Parameters result, String ingredient) {
		return result.getParameters("priorTherapy").stream()
				.filter(therapy -> ((Coding) therapy.getPart().get(0).getValue()).getDisplay().toLowerCase().contains(ingredient))
				.findFirst().orElseThrow(() -> new AssertionError("no " + ingredient + " episode in " + List.of(result.getParameters("priorTherapy").size())));
	}

	private static String code(Parameters.ParametersParameterComponent therapy, String part) {
		return ((Coding) therapy.getPart().stream().filter(p -> p.getName().equals(part)).findFirst().orElseThrow().getValue()).getCode();
	}

	private static String value(Parameters.ParametersParameterComponent therapy, String part) {
		return therapy.getPart().stream().filter(p -> p.getName().equals(part)).findFirst().orElseThrow().getValue().primitiveValue();
	}
}
