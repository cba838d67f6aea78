package dev.recourse.letter;

import dev.recourse.letter.LetterContent.Signature;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;

/** The signature block from the Practitioner resource: name, credentials (qualifications), NPI. */
final class SignatureFacts {
	static final String NPI = "http://hl7.org/fhir/sid/us-npi";

	private SignatureFacts() {
	}

	static Signature unsigned(Optional<Practitioner> prescriber) {
		return of(prescriber, Optional.empty());
	}

	static Signature of(Optional<Practitioner> prescriber, Optional<OffsetDateTime> signedAt) {
		return new Signature(
				Fact.ofNullable(prescriber.flatMap(SignatureFacts::name).orElse(null)),
				Fact.ofNullable(prescriber.map(SignatureFacts::credentials).orElse(null)),
				Fact.ofNullable(prescriber.flatMap(p -> p.getIdentifier().stream().filter(id -> NPI.equals(id.getSystem()))
						.map(Identifier::getValue).filter(value -> value != null && !value.isBlank()).findFirst()).orElse(null)),
				signedAt);
	}

	private static Optional<String> name(Practitioner practitioner) {
		return practitioner.getName().stream().filter(name -> name.getUse() == null || name.getUse() == HumanName.NameUse.OFFICIAL)
				.findFirst().or(() -> practitioner.getName().stream().findFirst()).map(PartyFacts::written);
	}

	/** The qualifications' codes or texts as people write them after a name, e.g. "MD, FACR"; null when none. */
	private static String credentials(Practitioner practitioner) {
		String credentials = practitioner.getQualification().stream().map(Practitioner.PractitionerQualificationComponent::getCode)
				.map(SignatureFacts::credential).filter(text -> text != null && !text.isBlank()).collect(Collectors.joining(", "));
		return credentials.isBlank() ? null : credentials;
	}

	private static String credential(CodeableConcept code) {
		if (code.hasText()) {
			return code.getText();
		}
		return code.getCoding().stream().map(coding -> coding.hasCode() ? coding.getCode() : coding.getDisplay()).filter(v -> v != null)
				.findFirst().orElse(null);
	}
}
