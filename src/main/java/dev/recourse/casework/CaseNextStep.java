package dev.recourse.casework;

import dev.recourse.denial.triage.Triage;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Task;

/**
 * The next step of a case from a triage: the top eligible pathway (the case's {@code pathway} extension) and the next
 * hard deadline (the earliest last day of filing among the pathways open now, {@code restriction.period.end}). The
 * same reading when a case is opened on a denial and when a payer's later decision is triaged again.
 *
 * @param pathway the top eligible pathway, if any is open
 * @param deadline the earliest filing deadline of the eligible pathways, if any has one
 */
public record CaseNextStep(Optional<PathwayOption> pathway, Optional<LocalDate> deadline) {
	public static final String PATHWAY_EXTENSION = "http://recourse.dev/fhir/StructureDefinition/pathway";
	private static final String PATHWAY_CODES = "http://recourse.dev/fhir/CodeSystem/pathway";

	public static CaseNextStep of(Triage triage) {
		return of(triage, Set.of());
	}

	/** The same reading with some pathways already spent (e.g. a peer-to-peer that took place): they are passed over. */
	public static CaseNextStep of(Triage triage, Set<PathwayCode> spent) {
		List<PathwayOption> open = triage.pathways().stream().filter(PathwayOption::eligible)
				.filter(option -> !spent.contains(option.code())).toList();
		Optional<PathwayOption> top = open.stream().min(Comparator.comparingInt(PathwayOption::rank));
		Optional<LocalDate> earliest = open.stream().map(PathwayOption::filingDeadline).filter(Objects::nonNull)
				.min(Comparator.naturalOrder());
		return new CaseNextStep(top, earliest);
	}

	/** Sets the case's pathway and deadline to this step; a pathway or deadline the step has none of is removed. */
	public void applyTo(Task caseTask) {
		caseTask.getExtension().removeIf(extension -> PATHWAY_EXTENSION.equals(extension.getUrl()));
		pathway.ifPresent(option -> caseTask.addExtension(PATHWAY_EXTENSION,
				new CodeableConcept(new Coding(PATHWAY_CODES, option.code().code(), null))));
		if (deadline.isPresent()) {
			caseTask.getRestriction().getPeriod().setEndElement(new DateTimeType(deadline.get().toString()));
		} else if (caseTask.hasRestriction()) {
			caseTask.getRestriction().getPeriod().setEndElement(null);
		}
	}

	/** In words, for the case's notes: "internal-appeal, file by 2026-07-01". */
	public String describe() {
		String next = pathway.map(option -> option.code().code()).orElse("no pathway is open");
		return deadline.map(date -> next + ", file by " + date).orElse(next);
	}
}
