package dev.recourse.submission;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.filing.FilingProperties;
import dev.recourse.outbox.OutboxSchedule;
import dev.recourse.server.LocalRepositories;
import dev.recourse.server.Searches;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds payer decision clocks that ran out, on every instance every {@code recourse.filing.clock-sweep-interval}:
 * completed submissions whose {@code decision-due} passed (within the look-back) → their answer still pended → the
 * case records the miss once ({@link MissedClockRecorder}, If-Match on the case: of two instances one writes, the other
 * finds it recorded on its next pass).
 */
@Component
class MissedDecisionSweep {
	private static final int BATCH = 100;
	private final LocalRepositories repositories;
	private final MissedClockRecorder recorder;
	private final FilingProperties settings;
	private final Clock clock = Clock.systemUTC();
	private final OutboxSchedule schedule = new OutboxSchedule("missed-decision-clocks");

	MissedDecisionSweep(LocalRepositories repositories, MissedClockRecorder recorder, FilingProperties settings) {
		this.repositories = repositories;
		this.recorder = recorder;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		schedule.start(settings.clockSweepInterval(), () -> sweep(clock.instant()));
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		schedule.stop();
	}

	/** One pass as of {@code now} (tests pass a later time, as the clock will). @return the misses recorded */
	int sweep(Instant now) {
		int recorded = 0;
		for (Task submission : overdue(now)) {
			java.util.Optional<ClaimResponse> pended = pendedAnswer(submission);
			if (pended.isPresent() && recorder.record(submission, pended.get())) {
				recorded++;
			}
		}
		return recorded;
	}

	private List<Task> overdue(Instant now) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("code", List.of(new TokenParam(SubmissionTask.TASK_TYPE, SubmissionTask.CODE)));
		params.put("status", List.of(new TokenParam("completed")));
		params.put("decision-due", List.of(new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(now))));
		params.put("decision-due", List.of(new DateParam(ParamPrefixEnum.GREATERTHAN, Date.from(now.minus(settings.missedClockLookback())))));
		params.put("_count", List.of(new ca.uhn.fhir.rest.param.NumberParam(BATCH)));
		return Searches.everyMatch(repositories.forServer(), Task.class, params);
	}

	/** The submission's answer when it is still pended (a decision since, by notification or inquiry, ends the clock). */
	private java.util.Optional<ClaimResponse> pendedAnswer(Task submission) {
		IRepository store = repositories.forServer();
		try {
			ClaimResponse answer = store.read(ClaimResponse.class, new IdType(SubmissionTask.output(submission, "ClaimResponse").orElseThrow()));
			return "under-review".equals(CaseStage.of(answer)) ? java.util.Optional.of(answer) : java.util.Optional.empty();
		} catch (BaseServerResponseException | java.util.NoSuchElementException gone) {
			return java.util.Optional.empty();
		}
	}
}
