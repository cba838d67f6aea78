package dev.recourse.ehr.pull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.casework.Cases;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.ehr.EhrEndpoints;
import dev.recourse.ehr.EhrProperties;
import dev.recourse.ehr.client.EhrClients;
import dev.recourse.ehr.client.EhrSession;
import dev.recourse.ehr.timeline.PriorTherapyTimeline;
import dev.recourse.ehr.timeline.TherapyEpisode;
import dev.recourse.security.Caller;
import dev.recourse.security.audit.OperationWrites;
import dev.recourse.server.LocalRepositories;
import dev.recourse.server.ScopedStorageSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$pull-history}: read the case and its patient → connect to the EHR's Endpoint → find
 * the patient there → fetch the chart → inline small notes → make local copies → build the prior-therapy
 * timeline → store it all in one transaction with its Provenance, less the copies already stored as they are →
 * report counts, timeline and warnings.
 */
@Service
class HistoryPuller {
	private static final Logger log = LoggerFactory.getLogger(HistoryPuller.class);
	private static final Set<String> TIMELINE_TYPES = Set.of("MedicationRequest", "MedicationStatement", "MedicationDispense",
			"MedicationAdministration", "AllergyIntolerance");
	private final LocalRepositories repositories;
	private final EhrEndpoints endpoints;
	private final EhrClients clients;
	private final ChartFetcher fetcher;
	private final Collaborators more;

	/** What the puller needs besides its main steps; grouped to keep the constructor short. */
	record Collaborators(FhirContext fhirContext, EhrProperties settings, PriorTherapyTimeline timeline, EpisodeStore episodes, Clock clock,
			StoredCopies storedCopies) {
	}

	HistoryPuller(LocalRepositories repositories, EhrEndpoints endpoints, EhrClients clients, ChartFetcher fetcher,
			FhirContext fhirContext, EhrProperties settings, PriorTherapyTimeline timeline, EpisodeStore episodes) {
		this.repositories = repositories;
		this.endpoints = endpoints;
		this.clients = clients;
		this.fetcher = fetcher;
		this.more = new Collaborators(fhirContext, settings, timeline, episodes, Clock.systemUTC(), new StoredCopies(fhirContext));
	}

	PullResult pull(IdType caseId, Optional<Reference> endpoint, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		Patient patient = store.read(Patient.class, new IdType(caseTask.getFor().getReference()));
		EhrConnection connection = endpoints.connection(endpoint);
		long started = System.nanoTime();
		Fetched fetched = fetch(connection, patient);
		long copying = System.nanoTime();
		List<Resource> copies = copies(connection, fetched.ehrPatient(), fetched.chart(), caseTask.getFor());
		List<TherapyEpisode> episodes = more.timeline().build(copies, LocalDate.now(more.clock().withZone(ZoneOffset.UTC)));
		PullTransaction transaction = prepare(new PullTransaction(copies, List.of(), List.of(),
				PullProvenance.of(connection, Caller.of(request), copies, more.clock().instant()), caseTask,
				withEhrIdentifier(patient, connection, fetched.ehrPatient())), episodes, fetched, store);
		long storing = System.nanoTime();
		Stored stored = OperationWrites.auditedAsOne(request, Set.of(caseTask.getFor().getReference()), () -> {
			// a patient without the EHR's URL of them was never pulled from it, so no copy can be on file; the others are
			// compared by the server, not as the caller: nothing read here reaches them, and one who may write a copy
			// need not be one who may search it
			StoredCopies.Sorted sorted = transaction.patient().isPresent() ? StoredCopies.Sorted.allNew(copies)
					: more.storedCopies().sort(repositories.forServer(), copies);
			Bundle bundle = transaction.storing(sorted.toStore()).bundle();
			// references to what was not pulled (Encounter, Practitioner…) point at the EHR, which is where they are
			return new Stored(ScopedStorageSettings.allowingExternalReferences(() -> store.transaction(bundle)), sorted.unchanged());
		});
		log.info("Pulled {} resources from Endpoint/{} ({}): fetch {} ms, copies and timeline {} ms, store {} ms ({} unchanged, not written), {} warning(s)",
				copies.size(), connection.endpointId(), fetched.chart().usedEverything() ? "$everything" : "searches",
				millis(started, copying), millis(copying, storing), millis(storing, System.nanoTime()), stored.unchanged().size(),
				fetched.warnings().size());
		return new PullResult(PullTransaction.provenanceId(stored.response()), counts(copies), counts(stored.unchanged()), episodes,
				fetched.warnings());
	}

	/** The store's answer, and the copies it left out because they were stored as they are. */
	private record Stored(Bundle response, List<Resource> unchanged) {
	}

	/** What came from the EHR, with the warnings of the whole pull (later steps add theirs). */
	private record Fetched(Patient ehrPatient, FetchedChart chart, List<PullWarning> warnings) {
	}

	private Fetched fetch(EhrConnection connection, Patient patient) {
		EhrSession session = clients.open(connection);
		Patient ehrPatient = EhrPatientFinder.find(session, patient);
		FetchedChart chart = fetcher.fetch(session, ehrPatient.getIdElement().getIdPart());
		List<PullWarning> warnings = new ArrayList<>(chart.warnings());
		new AttachmentInliner(session, more.settings().inlineAttachmentMaxBytes(), warnings)
				.inline(chart.byType().getOrDefault("DocumentReference", List.of()));
		return new Fetched(ehrPatient, chart, warnings);
	}

	/** The transaction with the timeline's episodes, unless the pull lacks records the timeline is built from. */
	private PullTransaction prepare(PullTransaction transaction, List<TherapyEpisode> episodes, Fetched fetched, IRepository store) {
		List<String> gaps = timelineGaps(fetched.chart(), fetched.warnings());
		if (gaps.isEmpty()) {
			return more.episodes().include(transaction, episodes, transaction.caseTask().getFor(), store);
		}
		fetched.warnings().add(PullWarning.general("The prior-therapy timeline was returned but not stored: without "
				+ String.join(", ", gaps) + " it could misstate the patient's therapies; the timeline kept from an earlier pull stays"));
		return transaction;
	}

	private List<Resource> copies(EhrConnection connection, Patient ehrPatient, FetchedChart chart, Reference casePatient) {
		List<Resource> pulled = chart.all();
		Set<String> keys = pulled.stream().map(resource -> resource.fhirType() + "/" + resource.getIdElement().getIdPart())
				.collect(Collectors.toSet());
		LocalCopies local = new LocalCopies(more.fhirContext(), connection.baseUrl(), ehrPatient.getIdElement().getIdPart(), casePatient, keys);
		return pulled.stream().map(local::copy).toList();
	}

	/** The case patient with the EHR's URL of them added, so the next pull need not search; empty when already there. */
	private static Optional<Patient> withEhrIdentifier(Patient patient, EhrConnection connection, Patient ehrPatient) {
		String url = connection.baseUrl() + "/Patient/" + ehrPatient.getIdElement().getIdPart();
		boolean known = patient.getIdentifier().stream()
				.anyMatch(identifier -> LocalCopies.URI_SYSTEM.equals(identifier.getSystem()) && url.equals(identifier.getValue()));
		if (known) {
			return Optional.empty();
		}
		Patient updated = patient.copy();
		updated.addIdentifier(new Identifier().setSystem(LocalCopies.URI_SYSTEM).setValue(url)
				.setUse(Identifier.IdentifierUse.SECONDARY));
		return Optional.of(updated);
	}

	/** The timeline types this pull lacks; the timeline is not stored over an older, fuller one when there are any. */
	private static List<String> timelineGaps(FetchedChart chart, List<PullWarning> warnings) {
		return warnings.stream().flatMap(warning -> warning.resourceType().stream())
				.filter(TIMELINE_TYPES::contains).filter(type -> !chart.byType().containsKey(type)).distinct().toList();
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private static Map<String, Integer> counts(List<Resource> copies) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		copies.forEach(copy -> counts.merge(copy.fhirType(), 1, Integer::sum));
		return counts;
	}
}
