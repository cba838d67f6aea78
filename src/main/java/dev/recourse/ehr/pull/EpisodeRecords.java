package dev.recourse.ehr.pull;

import dev.recourse.common.Digests;
import dev.recourse.ehr.timeline.PriorTherapyTimeline;
import dev.recourse.ehr.timeline.TherapyEpisode;
import dev.recourse.ehr.timeline.TherapyOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Therapy episodes kept for the criteria engine as MedicationStatements: category prior-therapy-episode,
 * the ingredient, the period, the status (active while ongoing), the outcome as statusReason (code and
 * the sentence saying which record decided it) and {@code derivedFrom} the records it was read from. Ids
 * are derived from patient, ingredient and start, so rebuilding the timeline updates rather than adds.
 */
final class EpisodeRecords {
	static final String OUTCOMES = dev.recourse.ehr.timeline.TherapyOutcome.SYSTEM;

	private EpisodeRecords() {
	}

	static MedicationStatement of(TherapyEpisode episode, Reference patient) {
		MedicationStatement statement = new MedicationStatement();
		statement.setId(id(patient, episode));
		statement.setStatus(status(episode.outcome()));
		statement.setCategory(new CodeableConcept(new Coding(PriorTherapyTimeline.RECORD_CATEGORY_SYSTEM,
				PriorTherapyTimeline.DERIVED_CATEGORY_CODE, "Prior-therapy episode")));
		statement.setMedication(new CodeableConcept(episode.ingredient().copy()));
		statement.setSubject(patient.copy());
		Period period = new Period().setStartElement(new DateTimeType(episode.start().toString()));
		episode.end().ifPresent(end -> period.setEndElement(new DateTimeType(end.toString())));
		statement.setEffective(period);
		statement.addStatusReason(new CodeableConcept(new Coding(OUTCOMES, episode.outcome().code(), episode.outcome().display()))
				.setText(episode.outcomeBasis()));
		episode.sources().forEach(source -> statement.addDerivedFrom(new Reference(source)));
		return statement;
	}

	private static MedicationStatement.MedicationStatementStatus status(TherapyOutcome outcome) {
		return switch (outcome) {
			case ONGOING -> MedicationStatement.MedicationStatementStatus.ACTIVE;
			case COMPLETED -> MedicationStatement.MedicationStatementStatus.COMPLETED;
			default -> MedicationStatement.MedicationStatementStatus.STOPPED;
		};
	}

	private static String id(Reference patient, TherapyEpisode episode) {
		String key = patient.getReference() + "|" + episode.ingredient().getSystem() + "|" + episode.ingredient().getCode()
				+ "|" + episode.ingredient().getDisplay() + "|" + episode.start();
		return "pte-" + Digests.sha256Hex(key).substring(0, 40);
	}


}
