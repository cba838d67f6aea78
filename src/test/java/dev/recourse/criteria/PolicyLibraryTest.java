package dev.recourse.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coverage-policy library (src/main/resources/policies): structure per the RecourseCoveragePolicy profile and the
 * expression convention of policies/README.md, every FHIRPath expression parsed by HAPI's R4 engine, and the convention's
 * promise that an empty chart answers every criterion "unknown" (empty), never false.
 */
class PolicyLibraryTest {
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-coverage-policy";
	static final String APPLICABILITY = "http://recourse.dev/fhir/StructureDefinition/policy-applicability";
	static final String CRITERION_ID = "http://recourse.dev/fhir/StructureDefinition/criterion-id";
	static final String EVIDENCE = "http://recourse.dev/fhir/StructureDefinition/criterion-evidence";
	static final String GAP = "http://recourse.dev/fhir/StructureDefinition/criterion-gap";
	static final String INITIAL = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression";
	static final String LAUNCH = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext";
	static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";
	static final String FHIRPATH = "text/fhirpath";
	static final String QUERY = "application/x-fhir-query";
	static final Path DIR = Path.of("src/main/resources/policies");

	static final FhirContext CTX = FhirContext.forR4Cached();
	static FHIRPathEngine engine;
	static final Map<String, Questionnaire> POLICIES = new LinkedHashMap<>();

	@BeforeAll
	static void load() throws IOException {
		engine = new FHIRPathEngine(new HapiWorkerContext(CTX, CTX.getValidationSupport()));
		try (Stream<Path> files = Files.list(DIR)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("Questionnaire-.+\\.json")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					POLICIES.put(file.getFileName().toString(),
							CTX.newJsonParser().parseResource(Questionnaire.class, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
		}
	}

	@Test
	void atLeastEightPoliciesWithUniqueUrlAndVersion() {
		assertThat(POLICIES).hasSizeGreaterThanOrEqualTo(8);
		Set<String> seen = new HashSet<>();
		POLICIES.forEach((file, q) -> {
			assertThat(file).isEqualTo("Questionnaire-" + q.getIdElement().getIdPart() + ".json");
			assertThat(q.getUrl()).isEqualTo("http://recourse.dev/fhir/Questionnaire/" + q.getIdElement().getIdPart());
			assertThat(q.getVersion()).as(file).isNotBlank();
			assertThat(seen.add(q.getUrl() + "|" + q.getVersion())).as("duplicate url|version in " + file).isTrue();
		});
	}

	@Test
	void eachPolicyHasTheProfileHeaderAndApplicability() {
		POLICIES.forEach((file, q) -> {
			assertThat(q.getMeta().hasProfile(PROFILE)).as(file).isTrue();
			assertThat(q.getStatus()).as(file).isEqualTo(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
			assertThat(q.getSubjectType()).as(file).extracting(t -> t.getValue()).containsExactly("Patient");
			assertThat(q.getName()).as(file).isNotBlank();
			assertThat(q.getTitle()).as(file).isNotBlank();
			assertThat(q.getPublisher()).as(file).isNotBlank();
			assertThat(q.hasDate()).as(file).isTrue();
			assertThat(q.getEffectivePeriod().hasStart()).as(file).isTrue();
			assertThat(q.getText().getDivAsString()).as(file).isNotBlank();

			List<Extension> applicability = q.getExtensionsByUrl(APPLICABILITY);
			assertThat(applicability).as(file).hasSize(1);
			Extension a = applicability.get(0);
			assertThat(a.getExtensionsByUrl("payer")).as(file + " payer").isNotEmpty().allSatisfy(p -> {
				org.hl7.fhir.r4.model.Reference payer = (org.hl7.fhir.r4.model.Reference) p.getValue();
				assertThat(payer.hasReference()).as(file + " payer is by identifier only").isFalse();
				assertThat(payer.getIdentifier().hasSystem() && payer.getIdentifier().hasValue()).as(file).isTrue();
				assertThat(payer.getDisplay()).as(file).isNotBlank();
			});
			assertThat(a.getExtensionsByUrl("productOrService")).as(file + " productOrService").isNotEmpty()
					.allSatisfy(p -> assertThat(((CodeableConcept) p.getValue()).getCodingFirstRep().hasSystem()).isTrue());
			assertThat(a.getExtensionsByUrl("diagnosis")).as(file + " diagnosis")
					.allSatisfy(d -> assertThat(((CodeableConcept) d.getValue()).getCodingFirstRep().getSystem())
							.isEqualTo("http://hl7.org/fhir/sid/icd-10-cm"));
			assertThat(a.getExtensionsByUrl("policyId")).as(file + " policyId").hasSize(1);
			assertThat(a.getExtensionsByUrl("effectiveDate")).as(file + " effectiveDate").hasSize(1)
					.allSatisfy(e -> assertThat(e.getValue()).isInstanceOf(DateType.class));
			assertThat(a.getExtensionsByUrl("source")).as(file + " source").hasSize(1)
					.allSatisfy(e -> assertThat(e.getValue().primitiveValue()).startsWith("https://"));
			// MS policies use the FY2026 codes: G35 alone is no longer billable
			assertThat(a.getExtensionsByUrl("diagnosis")).as(file)
					.noneSatisfy(d -> assertThat(((CodeableConcept) d.getValue()).getCodingFirstRep().getCode()).isEqualTo("G35"));

			assertThat(q.getExtensionsByUrl(LAUNCH)).as(file + " launchContext").hasSize(1);
		});
	}

	@Test
	void everyItemIsACriterionWithIdTextExpressionsAndGap() {
		POLICIES.forEach((file, q) -> {
			assertThat(q.getItem()).as(file).isNotEmpty();
			Set<String> ids = new HashSet<>();
			Set<String> linkIds = new HashSet<>();
			for (Questionnaire.QuestionnaireItemComponent item : q.getItem()) {
				String where = file + " item " + item.getLinkId();
				assertThat(linkIds.add(item.getLinkId())).as(where + " linkId unique").isTrue();
				assertThat(item.getExtensionsByUrl(CRITERION_ID)).as(where).hasSize(1);
				String id = item.getExtensionByUrl(CRITERION_ID).getValue().primitiveValue();
				assertThat(id).as(where).isNotBlank();
				assertThat(ids.add(id)).as(where + " criterion-id unique").isTrue();
				assertThat(item.getText()).as(where).isNotBlank();
				assertThat(item.getType()).as(where).isEqualTo(Questionnaire.QuestionnaireItemType.BOOLEAN);
				assertThat(item.getRequired()).as(where).isTrue();
				assertThat(expression(item.getExtensionByUrl(INITIAL), where + " initialExpression").getLanguage()).isEqualTo(FHIRPATH);
				assertThat(expression(item.getExtensionByUrl(EVIDENCE), where + " criterion-evidence").getLanguage()).isEqualTo(FHIRPATH);
				assertThat(item.getExtensionByUrl(GAP)).as(where + " criterion-gap").isNotNull();
				assertThat(item.getExtensionByUrl(GAP).getValue().primitiveValue()).as(where).isNotBlank();
			}
		});
	}

	@Test
	void variablesAreQueriesForThePatientOrFhirPath() {
		POLICIES.forEach((file, q) -> {
			Set<String> names = new HashSet<>();
			for (Extension v : q.getExtensionsByUrl(VARIABLE)) {
				Expression e = (Expression) v.getValue();
				assertThat(e.getName()).as(file).matches("[A-Za-z][A-Za-z0-9]*");
				assertThat(names.add(e.getName())).as(file + " variable " + e.getName() + " unique").isTrue();
				assertThat(e.getLanguage()).as(file + " " + e.getName()).isIn(QUERY, FHIRPATH);
				if (QUERY.equals(e.getLanguage())) {
					assertThat(e.getExpression()).as(file + " " + e.getName()).matches("[A-Z][A-Za-z]+\\?.*").contains("{{%patient.id}}");
				}
			}
			assertThat(names).as(file).contains("conditions");
		});
	}

	@Test
	void everyFhirPathExpressionParses() {
		POLICIES.forEach((file, q) -> {
			for (Expression e : fhirPathExpressions(q)) {
				assertThatCode(() -> engine.parse(e.getExpression())).as(file + ": " + e.getExpression()).doesNotThrowAnyException();
			}
		});
	}

	@Test
	void anEmptyChartAnswersEveryCriterionUnknown() {
		Patient patient = new Patient();
		patient.setId("empty");
		POLICIES.forEach((file, q) -> {
			Map<String, List<Base>> vars = variables(q, patient, Map.of());
			for (Questionnaire.QuestionnaireItemComponent item : q.getItem()) {
				String where = file + " item " + item.getLinkId();
				assertThat(eval(vars, item, INITIAL)).as(where + " answer").isEmpty();
				assertThat(eval(vars, item, EVIDENCE)).as(where + " evidence").isEmpty();
			}
		});
	}

	@Test
	void adalimumabCriteriaReadAChart() {
		Questionnaire q = POLICIES.get("Questionnaire-cigna-adalimumab-ra.json");
		Patient patient = new Patient();
		patient.setId("p1");
		patient.setBirthDateElement(new DateType("1970-05-01"));
		Condition ra = new Condition();
		ra.setId("c1");
		ra.getCode().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M06.9", "Rheumatoid arthritis, unspecified"));
		MedicationStatement mtx = episode("e1", "6851", "methotrexate", "2025-01-10", "2025-06-30", "stopped-inefficacy");
		Map<String, List<Base>> vars = variables(q, patient, Map.of("conditions", bundle(ra), "episodes", bundle(mtx)));
		Map<String, List<Base>> answers = new HashMap<>();
		for (Questionnaire.QuestionnaireItemComponent item : q.getItem()) {
			answers.put(item.getLinkId(), eval(vars, item, INITIAL));
		}
		assertThat(answers.get("diagnosis")).singleElement().satisfies(b -> assertThat(((BooleanType) b).booleanValue()).isTrue());
		assertThat(answers.get("age")).singleElement().satisfies(b -> assertThat(((BooleanType) b).booleanValue()).isTrue());
		assertThat(answers.get("csdmard-step")).singleElement().satisfies(b -> assertThat(((BooleanType) b).booleanValue()).isTrue());
		assertThat(answers.get("prescriber")).isEmpty();
		Questionnaire.QuestionnaireItemComponent step = q.getItem().stream().filter(i -> i.getLinkId().equals("csdmard-step")).findFirst().orElseThrow();
		assertThat(eval(vars, step, EVIDENCE)).singleElement().isSameAs(mtx);

		// a one-month trial does not prove the step: unknown, not false
		MedicationStatement shortTrial = episode("e2", "6851", "methotrexate", "2025-01-10", "2025-02-10", "stopped-adverse-event");
		Map<String, List<Base>> shortVars = variables(q, patient, Map.of("conditions", bundle(ra), "episodes", bundle(shortTrial)));
		assertThat(eval(shortVars, step, INITIAL)).isEmpty();

		// a minor is a contradiction: false
		patient.setBirthDateElement(new DateType(java.time.LocalDate.now().minusYears(10).toString()));
		Questionnaire.QuestionnaireItemComponent age = q.getItem().stream().filter(i -> i.getLinkId().equals("age")).findFirst().orElseThrow();
		assertThat(eval(variables(q, patient, Map.of()), age, INITIAL)).singleElement()
				.satisfies(b -> assertThat(((BooleanType) b).booleanValue()).isFalse());
	}

	@Test
	void ldlThresholdIsTrueAboveFalseBelowUnknownWithoutAResultInMgPerDl() {
		Questionnaire q = POLICIES.get("Questionnaire-cigna-alirocumab-ascvd.json");
		Questionnaire.QuestionnaireItemComponent ldl = item(q, "ldl");
		assertThat(answer(q, ldl, Map.of("observations", bundle(observation("o1", "13457-7", "2026-10-01", 72, "mg/dL"), observation("o0", "13457-7", "2025-01-01", 40, "mg/dL"))))).isEqualTo(true);
		assertThat(answer(q, ldl, Map.of("observations", bundle(observation("o1", "18262-6", "2026-10-01", 50, "mg/dL"))))).isEqualTo(false);
		assertThat(answer(q, ldl, Map.of("observations", bundle(observation("o1", "13457-7", "2026-10-01", 1.9, "mmol/L"))))).isNull();
		assertThat(answer(q, ldl, Map.of())).isNull();

		Questionnaire.QuestionnaireItemComponent statin = item(q, "statin-trial");
		assertThat(answer(q, statin, Map.of("episodes", bundle(episode("e1", "83367", "atorvastatin", "2026-01-01", "2026-04-01", "completed"))))).isEqualTo(true);
		assertThat(answer(q, statin, Map.of("episodes", bundle(episode("e1", "83367", "atorvastatin", "2026-01-01", "2026-01-20", "stopped-adverse-event"))))).isNull();
		assertThat(answer(q, statin, Map.of("episodes", bundle(episode("e1", "83367", "atorvastatin", "2026-01-01", "2026-01-20", "stopped-adverse-event"),
				episode("e2", "301542", "rosuvastatin", "2026-02-01", "2026-02-20", "stopped-adverse-event"))))).isEqualTo(true);
	}

	@Test
	void wegovyReadsTheBaselineBmiBeforeTheFirstIncretin() {
		Questionnaire q = POLICIES.get("Questionnaire-cigna-semaglutide-weight.json");
		Questionnaire.QuestionnaireItemComponent bmi = item(q, "bmi");
		// newest first, as the query sorts them; the 26.5 after semaglutide started is not the baseline
		Bundle bmis = bundle(observation("b2", "39156-5", "2026-06-01", 26.5, "kg/m2"), observation("b1", "39156-5", "2025-12-01", 31.2, "kg/m2"));
		assertThat(answer(q, bmi, Map.of("observations", bmis, "episodes", bundle(episode("e1", "1991302", "semaglutide", "2026-01-05", "2026-05-01", "stopped-other"))))).isEqualTo(true);
		assertThat(answer(q, bmi, Map.of("observations", bmis))).isEqualTo(false);
		Bundle overweight = bundle(observation("b1", "39156-5", "2026-06-01", 28.0, "kg/m2"));
		assertThat(answer(q, bmi, Map.of("observations", overweight))).isNull();
		assertThat(answer(q, bmi, Map.of("observations", overweight, "conditions", bundle(condition("c1", "I10"))))).isEqualTo(true);
	}

	@Test
	void asthmaEosinophilsCountInEitherUnitWithinSixWeeks() {
		Questionnaire q = POLICIES.get("Questionnaire-cigna-dupilumab-asthma.json");
		Questionnaire.QuestionnaireItemComponent phenotype = item(q, "phenotype");
		String recent = java.time.LocalDate.now().minusWeeks(2).toString();
		String old = java.time.LocalDate.now().minusWeeks(10).toString();
		assertThat(answer(q, phenotype, Map.of("observations", bundle(observation("o1", "711-2", recent, 0.3, "10*3/uL"))))).isEqualTo(true);
		assertThat(answer(q, phenotype, Map.of("observations", bundle(observation("o1", "711-2", recent, 220, "/uL"))))).isEqualTo(true);
		assertThat(answer(q, phenotype, Map.of("observations", bundle(observation("o1", "711-2", old, 400, "/uL"))))).isNull();
		assertThat(answer(q, phenotype, Map.of("observations", bundle(observation("o1", "711-2", recent, 90, "/uL"))))).isNull();

		Questionnaire.QuestionnaireItemComponent uncontrolled = item(q, "uncontrolled");
		assertThat(answer(q, uncontrolled, Map.of("observations", bundle(observation("o1", "20152-5", recent, 72, "%"))))).isEqualTo(true);
		assertThat(answer(q, uncontrolled, Map.of("observations", bundle(observation("o1", "19926-5", recent, 0.75, "1"))))).isEqualTo(true);
		assertThat(answer(q, uncontrolled, Map.of("observations", bundle(observation("o1", "19926-5", recent, 85, "%"))))).isNull();
	}

	@Test
	void relapsingMsNeedsTheFy2026CodeAndAFailedDmt() {
		Questionnaire q = POLICIES.get("Questionnaire-evicore-ocrelizumab-rms.json");
		assertThat(answer(q, item(q, "diagnosis"), Map.of("conditions", bundle(condition("c1", "G35.A"))))).isEqualTo(true);
		assertThat(answer(q, item(q, "diagnosis"), Map.of("conditions", bundle(condition("c1", "G35.B1"))))).isNull();
		assertThat(answer(q, item(q, "prior-dmt"), Map.of("episodes", bundle(episode("e1", "000", "glatiramer", "2024-01-01", "2024-09-01", "stopped-inefficacy"))))).isEqualTo(true);
		assertThat(answer(q, item(q, "prior-dmt"), Map.of("episodes", bundle(episode("e1", "000", "glatiramer", "2024-01-01", null, "ongoing"))))).isNull();
		Questionnaire ppms = POLICIES.get("Questionnaire-evicore-ocrelizumab-ppms.json");
		assertThat(answer(ppms, item(ppms, "diagnosis"), Map.of("conditions", bundle(condition("c1", "G35.B1"))))).isEqualTo(true);
	}

	static Questionnaire.QuestionnaireItemComponent item(Questionnaire q, String linkId) {
		return q.getItem().stream().filter(i -> i.getLinkId().equals(linkId)).findFirst().orElseThrow();
	}

	/** The criterion's answer for an adult patient with the given chart: TRUE, FALSE, or null for unknown (empty). */
	static Boolean answer(Questionnaire q, Questionnaire.QuestionnaireItemComponent item, Map<String, Bundle> chart) {
		Patient patient = new Patient();
		patient.setId("p");
		patient.setBirthDateElement(new DateType("1975-03-03"));
		List<Base> result = eval(variables(q, patient, chart), item, INITIAL);
		assertThat(result).as(item.getLinkId()).hasSizeLessThanOrEqualTo(1);
		return result.isEmpty() ? null : ((BooleanType) result.get(0)).booleanValue();
	}

	static Condition condition(String id, String icd10) {
		Condition c = new Condition();
		c.setId(id);
		c.getCode().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", icd10, null));
		return c;
	}

	static org.hl7.fhir.r4.model.Observation observation(String id, String loinc, String date, double value, String ucum) {
		org.hl7.fhir.r4.model.Observation o = new org.hl7.fhir.r4.model.Observation();
		o.setId(id);
		o.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
		o.getCode().addCoding(new Coding("http://loinc.org", loinc, null));
		o.setEffective(new DateTimeType(date));
		o.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(value).setUnit(ucum).setSystem("http://unitsofmeasure.org").setCode(ucum));
		return o;
	}

	// --- helpers -----------------------------------------------------------------------------------------------------

	static Expression expression(Extension ext, String where) {
		assertThat(ext).as(where).isNotNull();
		assertThat(ext.getValue()).as(where).isInstanceOf(Expression.class);
		Expression e = (Expression) ext.getValue();
		assertThat(e.getExpression()).as(where).isNotBlank();
		return e;
	}

	static List<Expression> fhirPathExpressions(Questionnaire q) {
		List<Expression> out = new ArrayList<>();
		q.getExtensionsByUrl(VARIABLE).stream().map(v -> (Expression) v.getValue()).filter(e -> FHIRPATH.equals(e.getLanguage())).forEach(out::add);
		for (Questionnaire.QuestionnaireItemComponent item : q.getItem()) {
			for (String url : List.of(INITIAL, EVIDENCE)) {
				if (item.getExtensionByUrl(url) != null) {
					out.add((Expression) item.getExtensionByUrl(url).getValue());
				}
			}
		}
		return out;
	}

	/** Variables as an SDC form filler would bind them: queries from the given results (an empty Bundle otherwise), FHIRPath in order. */
	static Map<String, List<Base>> variables(Questionnaire q, Patient patient, Map<String, Bundle> results) {
		Map<String, List<Base>> vars = new HashMap<>();
		vars.put("patient", List.of(patient));
		for (Extension v : q.getExtensionsByUrl(VARIABLE)) {
			Expression e = (Expression) v.getValue();
			if (QUERY.equals(e.getLanguage())) {
				vars.put(e.getName(), List.of(results.getOrDefault(e.getName(), new Bundle().setType(Bundle.BundleType.SEARCHSET))));
			} else {
				vars.put(e.getName(), evaluate(vars, patient, e.getExpression()));
			}
		}
		return vars;
	}

	static List<Base> eval(Map<String, List<Base>> vars, Questionnaire.QuestionnaireItemComponent item, String url) {
		return evaluate(vars, (Resource) vars.get("patient").get(0), ((Expression) item.getExtensionByUrl(url).getValue()).getExpression());
	}

	static List<Base> evaluate(Map<String, List<Base>> vars, Resource focus, String expression) {
		FHIRPathEngine e = new FHIRPathEngine(new HapiWorkerContext(CTX, CTX.getValidationSupport()));
		e.setHostServices(new Variables(vars));
		return e.evaluate(null, focus, focus, focus, e.parse(expression));
	}

	static Bundle bundle(Resource... resources) {
		Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		for (Resource r : resources) {
			b.addEntry().setResource(r);
		}
		return b;
	}

	static MedicationStatement episode(String id, String rxcui, String ingredient, String start, String end, String outcome) {
		MedicationStatement s = new MedicationStatement();
		s.setId(id);
		s.setStatus(MedicationStatement.MedicationStatementStatus.STOPPED);
		s.setCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "prior-therapy-episode", null)));
		s.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxcui, ingredient)));
		Period period = new Period().setStartElement(new DateTimeType(start));
		if (end != null) {
			period.setEndElement(new DateTimeType(end));
		}
		s.setEffective(period);
		s.addStatusReason(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/therapy-outcome", outcome, null)));
		return s;
	}

	record Variables(Map<String, List<Base>> vars) implements IHostApplicationServices {
		@Override
		public List<Base> resolveConstant(FHIRPathEngine engine, Object appContext, String name, FHIRPathConstantEvaluationMode mode) {
			String key = name.startsWith("%") ? name.substring(1) : name;
			return vars.containsKey(key) ? vars.get(key) : null;
		}

		@Override
		public TypeDetails resolveConstantType(FHIRPathEngine engine, Object appContext, String name, FHIRPathConstantEvaluationMode mode) {
			return null;
		}

		@Override
		public boolean log(String argument, List<Base> focus) {
			return false;
		}

		@Override
		public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
			return null;
		}

		@Override
		public TypeDetails checkFunction(FHIRPathEngine engine, Object appContext, String functionName, TypeDetails focus, List<TypeDetails> parameters) {
			return null;
		}

		@Override
		public List<Base> executeFunction(FHIRPathEngine engine, Object appContext, List<Base> focus, String functionName, List<List<Base>> parameters) {
			return null;
		}

		@Override
		public Base resolveReference(FHIRPathEngine engine, Object appContext, String url, Base refContext) throws FHIRException {
			return null;
		}

		@Override
		public boolean conformsToProfile(FHIRPathEngine engine, Object appContext, Base item, String url) throws FHIRException {
			return false;
		}

		@Override
		public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
			return null;
		}

		@Override
		public boolean paramIsType(String name, int index) {
			return false;
		}
	}
}
