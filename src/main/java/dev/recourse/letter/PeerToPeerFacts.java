package dev.recourse.letter;

import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import dev.recourse.peertopeer.PeerToPeerOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;

/**
 * The case's recorded peer-to-peer outcomes as the letter states them: the date, the participants by the names the
 * record gives them, the outcome in words and the notes — each only when recorded. No FHIR is read here.
 */
final class PeerToPeerFacts {
	static final String OUTCOME_EXTENSION = PeerToPeerOutcome.EXTENSION;
	static final String OUTCOME_SYSTEM = PeerToPeerOutcome.SYSTEM;
	// what each code of the peer-to-peer-outcome code system means, in a sentence a reviewer reads; the letter claims no more
	private static final Map<String, String> OUTCOMES = Map.of(
			"overturned", "The plan's reviewer reversed the denial.",
			"partially-overturned", "The plan's reviewer reversed the denial in part.",
			"upheld", "The plan's reviewer upheld the denial.",
			"not-offered", "The plan did not offer a peer-to-peer review.",
			"missed", "The scheduled peer-to-peer review did not take place.");

	private PeerToPeerFacts() {
	}

	/** One line per Communication that carries an outcome, oldest first; those without one are not outcomes. */
	static List<PeerToPeerCall> calls(List<Communication> recorded) {
		return recorded.stream().filter(communication -> communication.hasExtension(OUTCOME_EXTENSION))
				.sorted(Comparator.comparing(Communication::getSent, Comparator.nullsLast(Comparator.naturalOrder())))
				.map(PeerToPeerFacts::call).toList();
	}

	static PeerToPeerCall call(Communication communication) {
		return new PeerToPeerCall(date(communication.getSentElement()), participants(communication),
				outcome(communication.getExtensionByUrl(OUTCOME_EXTENSION)), note(communication));
	}

	/** The recorded date at its own precision and offset: a day recorded as a day is not given a time of 00:00. */
	static Optional<Temporal> date(DateTimeType sent) {
		if (sent == null || sent.getValue() == null) {
			return Optional.empty();
		}
		ZoneId zone = sent.getTimeZone() == null ? ZoneOffset.UTC : sent.getTimeZone().toZoneId();
		ZonedDateTime at = sent.getValue().toInstant().atZone(zone);
		return Optional.of(switch (sent.getPrecision()) {
			case YEAR -> Year.from(at);
			case MONTH -> YearMonth.from(at);
			case DAY -> at.toLocalDate();
			default -> at.toOffsetDateTime();
		});
	}

	/** The recorded code in words; a code this version does not know is quoted as recorded, never guessed at. */
	static String outcome(Extension extension) {
		Optional<Coding> coding = Optional.ofNullable(extension).map(Extension::getValue).filter(Coding.class::isInstance).map(Coding.class::cast);
		return coding.filter(c -> OUTCOME_SYSTEM.equals(c.getSystem())).map(c -> OUTCOMES.get(c.getCode()))
				.orElseGet(() -> "Recorded as: " + coding.map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode()).orElse("no outcome code") + ".");
	}

	/** The sender, then the recipients, by the name the record gives (the reader names referenced people); unnamed ones are left out. */
	private static List<String> participants(Communication communication) {
		List<String> names = new ArrayList<>();
		Stream.concat(Stream.of(communication.getSender()), communication.getRecipient().stream()).filter(Reference::hasDisplay)
				.map(Reference::getDisplay).map(String::strip).filter(name -> !name.isEmpty() && !names.contains(name)).forEach(names::add);
		return names;
	}

	private static Optional<String> note(Communication communication) {
		return communication.getPayload().stream().filter(payload -> payload.hasContentStringType())
				.map(payload -> payload.getContentStringType().getValue()).filter(text -> text != null && !text.isBlank())
				.map(String::strip).reduce((first, second) -> first + "\n\n" + second);
	}
}
