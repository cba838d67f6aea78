package dev.recourse.letter;

import dev.recourse.ehr.timeline.TherapyOutcome;
import dev.recourse.letter.LetterContent.PriorTherapy;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;

/** The therapies tried, from the prior-therapy episodes $pull-history (or a specialist) stored. */
final class TherapyFacts {
	private TherapyFacts() {
	}

	/**
	 * The therapies a reviewer weighs, oldest first: those the criteria map cites, and those stopped for lack of effect,
	 * an adverse event or an allergy. A chart's other medications (a decade-old analgesic, a one-day order without a
	 * reason) would bury them. An episode without a medication name says nothing a reviewer can use and is left out.
	 */
	static List<PriorTherapy> therapies(List<MedicationStatement> episodes, Set<String> cited) {
		return episodes.stream()
				.filter(episode -> cited.contains("MedicationStatement/" + episode.getIdElement().getIdPart()) || stoppedForClinicalReason(episode))
				.sorted(Comparator.comparing((MedicationStatement episode) -> start(episode).orElse(LocalDate.MAX)))
				.flatMap(episode -> therapy(episode).stream()).toList();
	}

	private static boolean stoppedForClinicalReason(MedicationStatement episode) {
		return episode.getStatusReason().stream().flatMap(reason -> reason.getCoding().stream())
				.filter(coding -> TherapyOutcome.SYSTEM.equals(coding.getSystem()))
				.anyMatch(coding -> java.util.Arrays.stream(TherapyOutcome.values())
						.anyMatch(outcome -> outcome.clinicalStop() && outcome.code().equals(coding.getCode())));
	}

	static Optional<PriorTherapy> therapy(MedicationStatement episode) {
		Optional<String> medication = ResourceFacts.medication(episode);
		if (medication.isEmpty()) {
			return Optional.empty();
		}
		Optional<LocalDate> start = start(episode);
		Optional<LocalDate> end = episode.getEffective() instanceof Period period ? ResourceFacts.date(period.getEndElement()) : Optional.empty();
		// days counting the first and the last day, as the timeline does; only when both ends are known
		Optional<Integer> days = start.flatMap(first -> end.map(last -> Math.toIntExact(ChronoUnit.DAYS.between(first, last) + 1)));
		Optional<String> outcome = episode.getStatusReason().stream().map(ResourceFacts::plain).flatMap(Optional::stream).findFirst();
		return Optional.of(new PriorTherapy(medication.get(), Fact.ofNullable(start.orElse(null)), Fact.ofNullable(end.orElse(null)),
				Fact.ofNullable(days.orElse(null)), Fact.ofNullable(outcome.orElse(null))));
	}

	private static Optional<LocalDate> start(MedicationStatement episode) {
		return episode.getEffective() instanceof Period period ? ResourceFacts.date(period.getStartElement())
				: ResourceFacts.date(episode.getEffective());
	}
}
