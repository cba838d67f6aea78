package dev.recourse.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.StoredDenials;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped policies, each against three charts built on a third-party fixture patient (Synthea's
 * Alejandro Riojas): one meeting every criterion the chart can decide, the same chart failing exactly one,
 * and the same chart lacking the data for one. Criteria a chart cannot decide (the prescriber's specialty,
 * lifestyle counselling, body-surface area: {@code initialExpression} is {@code {}}) are always unknown and
 * listed as such.
 * <p>
 * Note: the policies answer "met" or nothing for a diagnosis or a prior-therapy step
 * ({@code iif(x.exists(), true)}): a chart cannot prove a step was never tried, so the scenario that fails
 * a criterion uses one the chart can disprove (age, LDL-C, BMI). The same holds for the asthma policy's
 * eosinophil, controller and uncontrolled-asthma criteria, so it too is failed on age.
 */
class PolicyScenariosIT extends FhirIntegrationTest {
	private static final String VERSION = "2026.11-transcribed";
	private static final String BASE = "http://recourse.dev/fhir/Questionnaire/";
	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
	private static final LocalDate TODAY = LocalDate.now();
	private static final String MINOR = TODAY.minusYears(16).toString();

	/**
	 * One policy: the chart meeting it, the evidence (builder keys; {@code patient} is the Patient) each
	 * criterion must cite, the criteria no chart can decide, and a way to fail one criterion and to empty one.
	 */
	record PolicyCase(String name, Consumer<ChartBuilder> meeting, Map<String, List<String>> evidence, Set<String> manual,
			String failing, Consumer<ChartBuilder> fail, String lacking, Consumer<ChartBuilder> lack) {
		@Override
		public String toString() {
			return name;
		}
	}

	enum Scenario { MEETS_ALL, FAILS_ONE, LACKS_ONE }

	static Stream<Arguments> scenarios() {
		Consumer<ChartBuilder> ra = chart -> chart.withCondition("ra", "M06.9", "Rheumatoid arthritis, unspecified");
		PolicyCase adalimumab = new PolicyCase("cigna-adalimumab-ra",
				ra.andThen(chart -> chart.withEpisode("mtx", "methotrexate", "6851", "2024-01-10", "2024-06-30", "stopped-inefficacy")),
				Map.of("diagnosis", List.of("ra"), "age", List.of("patient"), "csdmard-step", List.of("mtx")), Set.of("prescriber"),
				"age", chart -> chart.birthDate(MINOR),
				"csdmard-step", chart -> chart.without("mtx"));
		PolicyCase etanercept = new PolicyCase("cigna-etanercept-ra",
				ra.andThen(chart -> chart.withEpisode("lef", "leflunomide", "27169", "2023-03-01", "2023-09-15", "stopped-adverse-event")),
				Map.of("diagnosis", List.of("ra"), "age", List.of("patient"), "csdmard-step", List.of("lef")), Set.of("prescriber"),
				"age", chart -> chart.birthDate(MINOR),
				"diagnosis", chart -> chart.without("ra"));
		PolicyCase upadacitinib = new PolicyCase("cigna-upadacitinib-ra",
				ra.andThen(chart -> chart.withEpisode("ada", "adalimumab", "327361", "2024-02-01", "2024-08-20", "stopped-inefficacy")),
				Map.of("diagnosis", List.of("ra"), "age", List.of("patient"), "tnfi-step", List.of("ada")), Set.of("prescriber"),
				"age", chart -> chart.birthDate(MINOR),
				"tnfi-step", chart -> chart.without("ada"));
		PolicyCase ocrelizumab = new PolicyCase("evicore-ocrelizumab-rms",
				chart -> chart.withCondition("ms", "G35.A", "Relapsing-remitting multiple sclerosis")
						.withEpisode("fingo", "fingolimod", "354770", "2022-05-01", "2024-03-31", "stopped-inefficacy"),
				Map.of("diagnosis", List.of("ms"), "age", List.of("patient"), "prior-dmt", List.of("fingo")), Set.of("prescriber"),
				"age", chart -> chart.birthDate(MINOR),
				"prior-dmt", chart -> chart.without("fingo"));
		PolicyCase evolocumab = new PolicyCase("medica-evolocumab-hyperlipidemia",
				chart -> chart.withCondition("dm", "E11.9", "Type 2 diabetes mellitus without complications")
						.withEpisode("atorva", "atorvastatin", "83367", "2025-01-06", null, null)
						.withEpisode("ezetimibe", "ezetimibe", "341248", "2025-03-03", null, null)
						.withObservation("ldl", "13457-7", 112, "mg/dL", TODAY.minusWeeks(2).toString()),
				Map.of("risk", List.of("dm"), "age", List.of("patient"), "statin-ezetimibe", List.of("atorva", "ezetimibe"), "ldl", List.of("ldl")),
				Set.of(),
				"ldl", chart -> chart.withObservation("ldl", "13457-7", 58, "mg/dL", TODAY.minusWeeks(2).toString()),
				"risk", chart -> chart.without("dm"));
		PolicyCase semaglutide = new PolicyCase("cigna-semaglutide-weight",
				chart -> chart.withCondition("htn", "I10", "Essential (primary) hypertension")
						.withObservation("bmi", "39156-5", 28.4, "kg/m2", TODAY.minusMonths(1).toString()),
				Map.of("age", List.of("patient"), "bmi", List.of("bmi", "htn")), Set.of("lifestyle"),
				"bmi", chart -> chart.withObservation("bmi", "39156-5", 25.1, "kg/m2", TODAY.minusMonths(1).toString()),
				"bmi", chart -> chart.without("bmi"));
		PolicyCase ocrelizumabPpms = new PolicyCase("evicore-ocrelizumab-ppms",
				chart -> chart.withCondition("ppms", "G35.B1", "Primary progressive multiple sclerosis, active"),
				Map.of("diagnosis", List.of("ppms"), "age", List.of("patient")), Set.of("prescriber"),
				"age", chart -> chart.birthDate(MINOR),
				"diagnosis", chart -> chart.without("ppms"));
		PolicyCase alirocumab = new PolicyCase("cigna-alirocumab-ascvd",
				chart -> chart.withCondition("cad", "I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris")
						.withEpisode("atorva", "atorvastatin", "83367", "2025-02-03", null, null)
						.withObservation("ldl", "13457-7", 96, "mg/dL", TODAY.minusWeeks(3).toString()),
				Map.of("ascvd", List.of("cad"), "statin-trial", List.of("atorva"), "ldl", List.of("ldl")), Set.of(),
				"ldl", chart -> chart.withObservation("ldl", "13457-7", 48, "mg/dL", TODAY.minusWeeks(3).toString()),
				"statin-trial", chart -> chart.without("atorva"));
		PolicyCase dupilumabAd = new PolicyCase("cigna-dupilumab-ad",
				chart -> chart.withCondition("ad", "L20.9", "Atopic dermatitis, unspecified")
						.withEpisode("tcs", "triamcinolone", "10759", "2025-04-01", "2025-06-15", "stopped-inefficacy"),
				Map.of("diagnosis", List.of("ad"), "age", List.of("patient"), "tcs-trial", List.of("tcs")), Set.of("extent", "prescriber"),
				"age", chart -> chart.birthDate(TODAY.minusMonths(4).toString()),
				"tcs-trial", chart -> chart.without("tcs"));
		PolicyCase dupilumabAsthma = new PolicyCase("cigna-dupilumab-asthma",
				chart -> chart.withCondition("asthma", "J45.50", "Severe persistent asthma, uncomplicated")
						.withEpisode("ics", "fluticasone", "41126", "2025-01-13", null, null)
						.withEpisode("lama", "tiotropium", "69120", "2025-03-10", null, null)
						.withObservation("eos", "711-2", 420, "/uL", TODAY.minusWeeks(3).toString())
						.withObservation("ratio", "19926-5", 68, "%", TODAY.minusMonths(2).toString()),
				Map.of("diagnosis", List.of("asthma"), "age", List.of("patient"), "phenotype", List.of("eos"),
						"controller-therapy", List.of("ics", "lama"), "uncontrolled", List.of("ratio")), Set.of("prescriber"),
				"age", chart -> chart.birthDate(TODAY.minusYears(4).toString()),
				"phenotype", chart -> chart.without("eos"));
		return Stream.of(adalimumab, etanercept, upadacitinib, ocrelizumab, evolocumab, semaglutide, ocrelizumabPpms, alirocumab,
				dupilumabAd, dupilumabAsthma)
				.flatMap(policy -> Stream.of(Scenario.values()).map(scenario -> Arguments.of(policy, scenario)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("scenarios")
	void policyAgainstChart(PolicyCase policy, Scenario scenario) throws Exception {
		ChartBuilder builder = new ChartBuilder(fixturePatient());
		policy.meeting().accept(builder);
		String changed = switch (scenario) {
			case MEETS_ALL -> null;
			case FAILS_ONE -> {
				policy.fail().accept(builder);
				yield policy.failing();
			}
			case LACKS_ONE -> {
				policy.lack().accept(builder);
				yield policy.lacking();
			}
		};
		Chart chart = builder.store();

		QuestionnaireResponse map = map(chart.caseId(), BASE + policy.name() + "|" + VERSION);

		assertThat(map.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
				.containsExactlyInAnyOrderElementsOf(concat(policy.evidence().keySet(), policy.manual()));
		for (String manual : policy.manual()) {
			assertThat(status(map, manual)).as(manual).isEqualTo("unknown");
			assertThat(item(map, manual).getAnswer()).as(manual).isEmpty();
		}
		policy.evidence().forEach((linkId, keys) -> {
			if (linkId.equals(changed)) {
				return;
			}
			assertThat(status(map, linkId)).as(linkId).isEqualTo("met");
			assertThat(evidence(map, linkId)).as(linkId + " evidence").containsExactlyInAnyOrderElementsOf(chart.references(keys));
		});
		if (scenario == Scenario.FAILS_ONE) {
			assertThat(status(map, changed)).as(changed).isEqualTo("not-met");
		}
		if (scenario == Scenario.LACKS_ONE) {
			assertThat(status(map, changed)).as(changed).isEqualTo("unknown");
			assertThat(item(map, changed).getAnswer()).as(changed).isEmpty();
		}
	}

	/** A policy variable is a whole collection: the baseline BMI is the one before the first GLP-1, not the latest. */
	@Test
	void semaglutide_baselineBmiIsTheOneBeforeTheFirstIncretin_notTheLatest() throws Exception {
		Chart chart = new ChartBuilder(fixturePatient())
				.withObservation("baseline", "39156-5", 33.2, "kg/m2", TODAY.minusYears(1).toString())
				.withEpisode("sema", "semaglutide", "1991302", TODAY.minusMonths(6).toString(), null, null)
				.withObservation("onTreatment", "39156-5", 26.0, "kg/m2", TODAY.minusMonths(1).toString())
				.store();

		QuestionnaireResponse map = map(chart.caseId(), BASE + "cigna-semaglutide-weight|" + VERSION);

		assertThat(status(map, "bmi")).isEqualTo("met");
		assertThat(evidence(map, "bmi")).containsExactlyElementsOf(chart.references(List.of("baseline")));
	}

	private static List<String> concat(Set<String> first, Set<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	// --- the chart

	/** The demographics of a third-party fixture patient (Synthea), to be stored under a new id. */
	private Patient fixturePatient() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/ehr/Bundle-synthea-alejandro-riojas.json")) {
			Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, in);
			Patient source = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
					.filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
			Patient patient = new Patient();
			patient.setName(source.getName());
			patient.setGender(source.getGender());
			patient.setBirthDateElement(source.getBirthDateElement());
			patient.setAddress(source.getAddress());
			return patient;
		}
	}

	record Chart(String patientId, String caseId, Map<String, String> stored) {
		List<String> references(List<String> keys) {
			return keys.stream().map(key -> key.equals("patient") ? "Patient/" + patientId : stored.get(key)).toList();
		}
	}

	/** The resources a policy reads, by a key the expectations name; a later {@code with…} of a key replaces it. */
	final class ChartBuilder {
		private final Patient patient;
		private final Map<String, DomainResource> resources = new LinkedHashMap<>();

		ChartBuilder(Patient patient) {
			this.patient = patient;
		}

		ChartBuilder birthDate(String date) {
			patient.setBirthDateElement(new DateType(date));
			return this;
		}

		ChartBuilder withCondition(String key, String icd10, String display) {
			Condition condition = new Condition();
			condition.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical").setCode("active");
			condition.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode(icd10).setDisplay(display);
			resources.put(key, condition);
			return this;
		}

		/** A prior-therapy episode; {@code end} null while it goes on, {@code outcome} a therapy-outcome code or null. */
		ChartBuilder withEpisode(String key, String ingredient, String rxcui, String start, String end, String outcome) {
			MedicationStatement statement = new MedicationStatement();
			statement.setStatus(end == null ? MedicationStatement.MedicationStatementStatus.ACTIVE : MedicationStatement.MedicationStatementStatus.STOPPED);
			statement.setCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "prior-therapy-episode", null)));
			statement.getMedicationCodeableConcept().addCoding().setSystem(RXNORM).setCode(rxcui).setDisplay(ingredient);
			Period period = new Period().setStartElement(new DateTimeType(start));
			if (end != null) {
				period.setEndElement(new DateTimeType(end));
			}
			statement.setEffective(period);
			if (outcome != null) {
				statement.addStatusReason().addCoding().setSystem("http://recourse.dev/fhir/CodeSystem/therapy-outcome").setCode(outcome);
			}
			resources.put(key, statement);
			return this;
		}

		ChartBuilder withObservation(String key, String loinc, double value, String unit, String date) {
			Observation observation = new Observation();
			observation.setStatus(Observation.ObservationStatus.FINAL);
			observation.getCode().addCoding().setSystem("http://loinc.org").setCode(loinc);
			observation.setValue(new Quantity().setValue(value).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit));
			observation.setEffective(new DateTimeType(date));
			resources.put(key, observation);
			return this;
		}

		ChartBuilder without(String key) {
			assertThat(resources.remove(key)).as("no " + key + " to remove").isNotNull();
			return this;
		}

		Chart store() throws Exception {
			String patientId = client.create().resource(patient).execute().getId().getIdPart();
			Reference subject = new Reference("Patient/" + patientId);
			Map<String, String> stored = new LinkedHashMap<>();
			for (Map.Entry<String, DomainResource> entry : resources.entrySet()) {
				DomainResource resource = entry.getValue();
				if (resource instanceof Condition condition) {
					condition.setSubject(subject);
				} else if (resource instanceof MedicationStatement statement) {
					statement.setSubject(subject);
				} else if (resource instanceof Observation observation) {
					observation.setSubject(subject);
				}
				stored.put(entry.getKey(), resource.fhirType() + "/" + client.create().resource(resource).execute().getId().getIdPart());
			}
			String denialId = StoredDenials.store(client, fhirContext, patientId);
			Task caseTask = client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case").withNoParameters(Parameters.class)
					.returnResourceType(Task.class).execute();
			return new Chart(patientId, caseTask.getIdElement().getIdPart(), stored);
		}
	}

	// --- the call and its answer

	private QuestionnaireResponse map(String caseId, String policy) {
		Parameters in = new Parameters();
		in.addParameter().setName("policy").setValue(new CanonicalType(policy));
		return client.operation().onInstance("Task/" + caseId).named("$map-criteria").withParameters(in)
				.returnResourceType(QuestionnaireResponse.class).execute();
	}

	private static QuestionnaireResponse.QuestionnaireResponseItemComponent item(QuestionnaireResponse map, String linkId) {
		return map.getItem().stream().filter(item -> item.getLinkId().equals(linkId)).findFirst().orElseThrow();
	}

	private static String status(QuestionnaireResponse map, String linkId) {
		QuestionnaireResponse.QuestionnaireResponseItemComponent item = item(map, linkId);
		Extension status = item.hasAnswer() ? item.getAnswerFirstRep().getExtensionByUrl(PolicyExtensions.CRITERION_STATUS)
				: item.getExtensionByUrl(PolicyExtensions.CRITERION_STATUS);
		return ((CodeableConcept) status.getValue()).getCodingFirstRep().getCode();
	}

	private static List<String> evidence(QuestionnaireResponse map, String linkId) {
		return item(map, linkId).getAnswerFirstRep().getExtensionsByUrl(PolicyExtensions.EVIDENCE).stream()
				.map(extension -> ((Reference) extension.getValue()).getReference()).toList();
	}
}
