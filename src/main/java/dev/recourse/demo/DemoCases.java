package dev.recourse.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.casework.CaseOpener;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.denial.CodeSystems;
import dev.recourse.server.LocalRepositories;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The demo denials ({@link DemoSituation}), per situation: read the plan → its denial on file? then the dates stay as
 * they were first loaded : move every date so the denial was received {@code received-days-ago} days ago and store the
 * plan as one transaction of PUTs → open the case as {@code $open-case} does (a closed case stays closed) → the
 * patient's chart for the demo EHR: the fixture as it is, plus the situation's records moved by the same days. A
 * situation that fails is logged and skipped; the others load.
 */
@Component
@Conditional(DemoCondition.class)
class DemoCases {
	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
	private final List<DemoSituation> situations;
	private final FhirContext fhirContext;
	private final LocalRepositories repositories;
	private final CaseOpener cases;
	private final DemoChart chart;
	private final Clock clock = Clock.systemDefaultZone();

	DemoCases(DemoProperties settings, FhirContext fhirContext, LocalRepositories repositories, CaseOpener cases, DemoChart chart) {
		this.situations = DemoSituation.read(settings.situations());
		this.fhirContext = fhirContext;
		this.repositories = repositories;
		this.cases = cases;
		this.chart = chart;
	}

	/** @return the ids of the demo cases that are open */
	List<String> load() {
		List<String> open = new ArrayList<>();
		List<Resource> charts = new ArrayList<>();
		for (DemoSituation situation : situations) {
			List<Resource> plan = ChartBundles.read(fhirContext, situation.plan());
			ClaimResponse denial = denialOf(situation, plan);
			String denialId = denial.getIdElement().getIdPart();
			// Should storing fail, the chart still moves as a first load would have moved the plan.
			DateShift shift = freshShift(situation, denial);
			try {
				shift = storePlan(situation, plan, denial, shift);
				openCase(denialId).ifPresent(open::add);
			} catch (RuntimeException e) {
				log.warn("Demo denial {} not loaded: {}", denialId, e.toString());
			}
			charts.addAll(chartOf(situation, shift));
		}
		chart.replace(charts);
		return open;
	}

	/**
	 * The plan on file, its dates moved by {@code fresh} on the first load; answers how far they moved (on a later
	 * start, as far as the denial on file was moved then).
	 */
	private DateShift storePlan(DemoSituation situation, List<Resource> plan, ClaimResponse denial, DateShift fresh) {
		String denialId = denial.getIdElement().getIdPart();
		Optional<ClaimResponse> stored = stored(denialId);
		if (stored.isPresent()) {
			return DateShift.between(received(denial), received(stored.get()));
		}
		Bundle collection = new Bundle().setType(Bundle.BundleType.COLLECTION);
		for (Resource resource : plan) {
			fresh.apply(fhirContext, resource);
			collection.addEntry().setFullUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart()).setResource(resource);
		}
		repositories.forServer().transaction(IdempotentTransaction.of(collection));
		log.info("Demo denial {} loaded, received {}: {}", denialId, received(denial), situation.title());
		return fresh;
	}

	private Optional<String> openCase(String denialId) {
		try {
			Task opened = cases.open(new IdType("ClaimResponse", denialId), new SystemRequestDetails());
			return Optional.of(opened.getIdElement().getIdPart());
		} catch (RecourseException closed) {
			if (closed.error() != RecourseError.CONFLICT) {
				throw closed;
			}
			log.info("Demo case of {} is closed and stays so", denialId);
			return Optional.empty();
		}
	}

	/** The fixture patient's chart as it is, and the situation's own records moved as its plan was. */
	private List<Resource> chartOf(DemoSituation situation, DateShift shift) {
		List<Resource> records = new ArrayList<>(ChartBundles.read(fhirContext, situation.fixture()));
		for (Resource record : ChartBundles.read(fhirContext, situation.chart())) {
			shift.apply(fhirContext, record);
			records.add(record);
		}
		return records;
	}

	private DateShift freshShift(DemoSituation situation, ClaimResponse authored) {
		return DateShift.between(received(authored), LocalDate.now(clock).minusDays(situation.receivedDaysAgo()));
	}

	private static ClaimResponse denialOf(DemoSituation situation, List<Resource> plan) {
		List<ClaimResponse> denials = plan.stream().filter(ClaimResponse.class::isInstance).map(ClaimResponse.class::cast).toList();
		if (denials.size() != 1) {
			throw new IllegalStateException(situation.plan() + " must hold exactly one ClaimResponse, the denial; it holds " + denials.size());
		}
		return denials.get(0);
	}

	private Optional<ClaimResponse> stored(String denialId) {
		IRepository store = repositories.forServer();
		try {
			return Optional.of(store.read(ClaimResponse.class, new IdType("ClaimResponse", denialId)));
		} catch (ResourceNotFoundException | ResourceGoneException notYet) {
			return Optional.empty();
		}
	}

	/** The date the denial was received (its received-date extension), else its notice date. */
	private static LocalDate received(ClaimResponse denial) {
		Extension received = denial.getExtensionByUrl(CodeSystems.RECOURSE_RECEIVED_DATE);
		BaseDateTimeType date = received != null && received.getValue() instanceof BaseDateTimeType value ? value : denial.getCreatedElement();
		return LocalDate.parse(date.getValueAsString().substring(0, 10));
	}
}
