package dev.recourse.letter;

import dev.recourse.filing.Addressee;
import dev.recourse.filing.MissedClock;
import dev.recourse.filing.PlanState;
import dev.recourse.letter.FilingContent.AddresseeBlock;
import dev.recourse.letter.FilingContent.MissedClockRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Organization;

/**
 * The parts of a filing that a letter of medical necessity has not: the addressee block (the data file's office, or the
 * plan as on file), the state, the missed clocks and the enclosures a reviewer or regulator needs. No FHIR is read here.
 */
final class FilingFacts {
	static final String UNVERIFIED = " (unverified: confirm before sending)";
	private static final Map<String, String> TITLES = Map.of(
			"external-review", "Request for external review",
			"expedited-external-review", "Request for expedited external review",
			"ire-reconsideration", "Request for reconsideration by the Part D independent review entity",
			"state-fair-hearing", "Request for a state fair hearing",
			"regulator-complaint", "Complaint about a health plan's handling of a claim");

	private FilingFacts() {
	}

	static boolean isFiling(String pathway) {
		return TITLES.containsKey(pathway);
	}

	static String title(String pathway) {
		return TITLES.get(pathway);
	}

	static FilingContent.Kind kind(String pathway) {
		return "regulator-complaint".equals(pathway) ? FilingContent.Kind.COMPLAINT : FilingContent.Kind.REVIEW;
	}

	static AddresseeBlock addressee(Addressee addressee, Optional<Organization> insurer) {
		if (addressee.recipient() == Addressee.Recipient.PLAN) {
			Fact<String> name = Fact.ofNullable(insurer.map(Organization::getName).orElse(null));
			List<Fact<String>> lines = insurer.flatMap(plan -> plan.getAddress().stream().findFirst()).map(FilingFacts::lines)
					.orElse(List.of(Fact.unknown()));
			return new AddresseeBlock(name, lines, addressee.name() + ". " + addressee.process(), addressee.source(), addressee.jurisdiction());
		}
		List<Fact<String>> lines = new ArrayList<>();
		addressee.address().forEach(line -> lines.add(Fact.of(line + (addressee.isUnverified("address") ? UNVERIFIED : ""))));
		if (addressee.addressToFill()) {
			// the source showed no mailing address: a gap the specialist fills, never an address made up
			lines.add(Fact.unknown());
		}
		contact(lines, addressee, "phone", "Telephone ", Addressee::phone);
		contact(lines, addressee, "fax", "Fax ", Addressee::fax);
		contact(lines, addressee, "web", "", Addressee::web);
		contact(lines, addressee, "email", "", Addressee::email);
		return new AddresseeBlock(Fact.of(addressee.name()), lines, addressee.process(), addressee.source(), addressee.jurisdiction());
	}

	private static void contact(List<Fact<String>> lines, Addressee addressee, String field, String label, Function<Addressee, String> value) {
		String text = value.apply(addressee);
		if (text != null) {
			lines.add(Fact.of(label + text + (addressee.isUnverified(field) ? UNVERIFIED : "")));
		}
	}

	private static List<Fact<String>> lines(Address address) {
		List<Fact<String>> lines = new ArrayList<>();
		address.getLine().forEach(line -> lines.add(Fact.ofNullable(line.getValue())));
		String city = String.join(" ", List.of(address.hasCity() ? address.getCity() + "," : "", address.hasState() ? address.getState() : "",
				address.hasPostalCode() ? address.getPostalCode() : "")).strip();
		lines.add(Fact.ofNullable(city.isEmpty() ? null : city));
		return lines;
	}

	static Fact<String> state(Optional<PlanState> state) {
		return state.<Fact<String>>map(known -> Fact.of(known.code() + " (from " + known.source() + ")")).orElse(Fact.unknown());
	}

	static List<MissedClockRow> missed(List<MissedClock> missed) {
		return missed.stream().map(clock -> new MissedClockRow(clock.pathway() == null ? clock.submission()
						: clock.pathway() + " request (" + clock.submission() + ")", utc(clock.received()), utc(clock.due()), clock.regulation(),
				Fact.ofNullable(clock.consequence().map(text -> text + clock.consequenceCitation().map(c -> " (" + c + ")").orElse("")).orElse(null))))
				.toList();
	}

	/** What a reviewer or regulator needs besides the letter's own enclosures: the decisions and the missed requests. */
	static List<String> enclosures(ClaimResponse denial, ClaimResponse decision, List<MissedClock> missed, List<String> letterEnclosures) {
		List<String> enclosures = new ArrayList<>();
		enclosures.add("The plan's denial notice" + dated(denial) + " (ClaimResponse/" + denial.getIdElement().getIdPart() + ")");
		if (!decision.getIdElement().getIdPart().equals(denial.getIdElement().getIdPart())) {
			enclosures.add("The plan's final internal decision" + dated(decision) + " (ClaimResponse/" + decision.getIdElement().getIdPart() + ")");
		}
		missed.forEach(clock -> enclosures.add("The request the plan did not decide in time and its acknowledgment of receipt ("
				+ clock.submission() + ")"));
		enclosures.addAll(letterEnclosures);
		return enclosures;
	}

	private static String dated(ClaimResponse response) {
		return response.hasCreated() ? " dated " + response.getCreatedElement().getValueAsString().substring(0, 10) : "";
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
