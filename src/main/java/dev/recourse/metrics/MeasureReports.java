package dev.recourse.metrics;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * An evaluation as FHIR: a collection Bundle of summary MeasureReports, one per Measure (the provider side's outcomes
 * and timing, the payer side's CMS-0057-F proportions and decision times: FHIR R4 scores a whole Measure one way, so
 * rates and times are Measures apart), one group per measure group with its populations and score, the strata of a
 * stratified group under stratifiers coded like the Measure's.
 */
final class MeasureReports {
	static final String MEASURE_BASE = "http://recourse.dev/fhir/Measure/";
	static final String METRIC_CODES = "http://recourse.dev/fhir/CodeSystem/denial-metric";
	private static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
	private static final String UCUM = "http://unitsofmeasure.org";
	private static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

	private MeasureReports() {
	}

	static Bundle of(MetricsResult result) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(Date.from(result.evaluatedAt()));
		Map<String, List<MeasureValue>> byMeasure = new LinkedHashMap<>();
		result.values().forEach(value -> byMeasure.computeIfAbsent(value.measure(), key -> new ArrayList<>()).add(value));
		byMeasure.forEach((measure, values) -> bundle.addEntry().setResource(report(result, measure, values)));
		return bundle;
	}

	private static MeasureReport report(MetricsResult result, String measure, List<MeasureValue> values) {
		MeasureReport report = new MeasureReport().setStatus(MeasureReport.MeasureReportStatus.COMPLETE)
				.setType(MeasureReport.MeasureReportType.SUMMARY).setMeasure(MEASURE_BASE + measure)
				.setDate(Date.from(result.evaluatedAt())).setReporter(new Reference(result.organization()));
		report.getPeriod().setStartElement(new DateTimeType(result.period().start().toString()))
				.setEndElement(new DateTimeType(result.period().end().toString()));
		Map<String, MeasureReport.MeasureReportGroupComponent> groups = new LinkedHashMap<>();
		for (MeasureValue value : values) {
			if (value.total()) {
				MeasureReport.MeasureReportGroupComponent group = report.addGroup().setCode(code(value.group()));
				populations(value).forEach(group::addPopulation);
				group.setMeasureScore(score(value));
				groups.put(value.group(), group);
			} else {
				stratum(groups.get(value.group()), value);
			}
		}
		return report;
	}

	private static void stratum(MeasureReport.MeasureReportGroupComponent group, MeasureValue value) {
		MeasureReport.MeasureReportGroupStratifierComponent stratifier = group.getStratifier().stream()
				.filter(s -> value.stratifier().equals(s.getCodeFirstRep().getCodingFirstRep().getCode())).findFirst()
				.orElseGet(() -> group.addStratifier().addCode(code(value.stratifier())));
		MeasureReport.StratifierGroupComponent stratum = stratifier.addStratum().setValue(new CodeableConcept().setText(value.stratum()));
		for (MeasureReport.MeasureReportGroupPopulationComponent population : populations(value)) {
			stratum.addPopulation().setCode(population.getCode()).setCount(population.getCount());
		}
		stratum.setMeasureScore(score(value));
	}

	private static List<MeasureReport.MeasureReportGroupPopulationComponent> populations(MeasureValue value) {
		List<MeasureReport.MeasureReportGroupPopulationComponent> populations = new ArrayList<>();
		populations.add(population("initial-population", value.initialPopulation()));
		// a proportion's denominator; a continuous variable's measure population (what the time is observed on)
		populations.add(population(value.proportion() ? "denominator" : "measure-population", value.denominator()));
		if (value.numerator() != null) {
			populations.add(population("numerator", value.numerator()));
		}
		return populations;
	}

	private static MeasureReport.MeasureReportGroupPopulationComponent population(String code, long count) {
		return new MeasureReport.MeasureReportGroupPopulationComponent()
				.setCode(new CodeableConcept(new Coding(POPULATION, code, null))).setCount((int) count);
	}

	private static Quantity score(MeasureValue value) {
		if (value.score() == null) {
			// a proportion over an empty denominator has no value, and says so: R4 requires a proportion's score
			Quantity absent = new Quantity();
			absent.addExtension(DATA_ABSENT_REASON, new org.hl7.fhir.r4.model.CodeType("not-applicable"));
			return value.proportion() ? absent : null;
		}
		Quantity score = new Quantity().setValue(value.reportedScore());
		return value.proportion() ? score : score.setSystem(UCUM).setCode(value.unit()).setUnit(value.unit());
	}

	private static CodeableConcept code(String code) {
		return new CodeableConcept(new Coding(METRIC_CODES, code, null));
	}
}
