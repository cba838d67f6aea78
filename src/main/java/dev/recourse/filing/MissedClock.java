package dev.recourse.filing;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;


/**
 * A payer's decision clock that ran out with no decision, as the case records it (extension
 * {@value #EXTENSION} on the case Task, one per submission): which request, when the payer received it, when the
 * decision was due, the rule that sets the clock, and what the miss means for the case (empty when no rule says).
 *
 * @param submission {@code Task/submission-…}, the request's outbox record
 * @param pathway the pathway the request was filed on
 * @param received when the payer received it (its pended answer's date)
 * @param due the last moment a decision was timely
 * @param regulation the citation of the clock
 */
public record MissedClock(String submission, String pathway, Instant received, Instant due, String regulation,
		Optional<String> consequence, Optional<String> consequenceCitation) {
	public static final String EXTENSION = "http://recourse.dev/fhir/StructureDefinition/missed-decision-clock";

	public MissedClock {
		Objects.requireNonNull(submission, "submission");
		Objects.requireNonNull(received, "received");
		Objects.requireNonNull(due, "due");
		Objects.requireNonNull(regulation, "regulation");
	}

	/** Every missed clock the case records, in the order recorded. */
	public static List<MissedClock> on(Task caseTask) {
		return caseTask.getExtensionsByUrl(EXTENSION).stream().map(MissedClock::read).toList();
	}

	public static boolean recorded(Task caseTask, String submission) {
		return on(caseTask).stream().anyMatch(missed -> missed.submission().equals(submission));
	}

	public Extension toExtension() {
		Extension extension = new Extension(EXTENSION);
		extension.addExtension("submission", new Reference(submission));
		extension.addExtension("pathway", new CodeType(pathway));
		extension.addExtension("received", dateTime(received));
		extension.addExtension("due", dateTime(due));
		extension.addExtension("regulation", new StringType(regulation));
		consequence.ifPresent(text -> extension.addExtension("consequence", new StringType(text)));
		consequenceCitation.ifPresent(text -> extension.addExtension("consequenceCitation", new StringType(text)));
		return extension;
	}

	private static MissedClock read(Extension extension) {
		return new MissedClock(((Reference) part(extension, "submission").orElseThrow()).getReference(),
				part(extension, "pathway").map(value -> value.primitiveValue()).orElse(null),
				((DateTimeType) part(extension, "received").orElseThrow()).getValue().toInstant(),
				((DateTimeType) part(extension, "due").orElseThrow()).getValue().toInstant(),
				part(extension, "regulation").orElseThrow().primitiveValue(),
				part(extension, "consequence").map(value -> value.primitiveValue()),
				part(extension, "consequenceCitation").map(value -> value.primitiveValue()));
	}

	private static Optional<org.hl7.fhir.r4.model.Type> part(Extension extension, String name) {
		return Optional.ofNullable(extension.getExtensionByUrl(name)).map(Extension::getValue);
	}

	/** An instant as a FHIR dateTime in UTC, to the second. */
	public static DateTimeType dateTime(Instant value) {
		DateTimeType dateTime = new DateTimeType(Date.from(value), TemporalPrecisionEnum.SECOND);
		dateTime.setTimeZoneZulu(true);
		return dateTime;
	}
}
