package dev.recourse.letter;

import dev.recourse.casework.PlanRecords;
import dev.recourse.letter.LetterContent.Denial;
import dev.recourse.letter.LetterContent.Parties;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;

/** Who and what: the patient, the plan, the numbers and the denial, each from the resource that holds it. */
final class PartyFacts {
	static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	private static final String IDENTIFIER_TYPES = "http://terminology.hl7.org/CodeSystem/v2-0203";

	private PartyFacts() {
	}

	static Parties parties(LetterCase file) {
		ClaimResponse denial = file.denial();
		return new Parties(Fact.ofNullable(name(file.patient()).orElse(null)),
				Fact.ofNullable(ResourceFacts.date(file.patient().getBirthDateElement()).orElse(null)),
				Fact.ofNullable(file.insurer().map(Organization::getName).orElse(null)),
				Fact.ofNullable(file.coverage().flatMap(PlanRecords::memberId).orElse(null)),
				Fact.ofNullable(PlanRecords.reviewNumber(denial).orElse(null)),
				// a pre-service denial has no claim: the row is left out, not printed as unknown
				denial.getUse() == ClaimResponse.Use.CLAIM
						? Optional.of(Fact.ofNullable(denial.getIdentifier().stream().map(Identifier::getValue)
								.filter(value -> value != null && !value.isBlank()).findFirst().orElse(null)))
						: Optional.empty(),
				// in quotation marks: the payer's words, not ours
				new Denial(Fact.ofNullable(reason(denial).map(text -> "\u201C" + text + "\u201D").orElse(null)), Fact.ofNullable(ResourceFacts.date(denial.getCreatedElement()).orElse(null))));
	}

	/** The drug or service asked for: the denied request's item, else the denial's added item. */
	static Fact<String> service(LetterCase file) {
		Stream<org.hl7.fhir.r4.model.CodeableConcept> fromRequest = file.originalRequest().stream()
				.flatMap(claim -> claim.getItem().stream()).map(Claim.ItemComponent::getProductOrService);
		Stream<org.hl7.fhir.r4.model.CodeableConcept> fromDenial = file.denial().getAddItem().stream()
				.map(ClaimResponse.AddedItemComponent::getProductOrService);
		return Fact.ofNullable(Stream.concat(fromRequest, fromDenial).map(ResourceFacts::asEntered).flatMap(Optional::stream)
				.findFirst().orElse(null));
	}

	static Optional<String> name(Patient patient) {
		return patient.getName().stream().filter(name -> name.getUse() == null || name.getUse() == HumanName.NameUse.OFFICIAL
				|| name.getUse() == HumanName.NameUse.USUAL).findFirst().or(() -> patient.getName().stream().findFirst())
				.map(PartyFacts::written);
	}

	static String written(HumanName name) {
		if (name.hasText()) {
			return name.getText();
		}
		String given = String.join(" ", name.getGiven().stream().map(part -> part.getValue()).filter(v -> v != null).toList());
		String whole = (given + " " + (name.hasFamily() ? name.getFamily() : "")).strip();
		return whole.isEmpty() ? null : whole;
	}

	/** The payer's own words: the process notes, else the disposition; quoted by the template as given. */
	static Optional<String> reason(ClaimResponse denial) {
		List<String> notes = denial.getProcessNote().stream().map(ClaimResponse.NoteComponent::getText)
				.filter(text -> text != null && !text.isBlank()).toList();
		if (!notes.isEmpty()) {
			return Optional.of(String.join(" ", notes));
		}
		return Optional.ofNullable(denial.getDisposition()).filter(text -> !text.isBlank());
	}

	static boolean hasCode(List<Coding> codings, String system, String code) {
		return codings.stream().anyMatch(coding -> system.equals(coding.getSystem()) && code.equals(coding.getCode()));
	}
}
