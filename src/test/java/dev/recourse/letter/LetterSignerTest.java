package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import dev.recourse.security.Caller;
import dev.recourse.security.SmartScope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may sign: the fhirUser of a person's token, relative or absolute (SMART's claim is an absolute URL). */
class LetterSignerTest {

	@Test
	void prescriberLogin_relativeOrAbsoluteFhirUser_isThePractitioner() {
		assertThat(LetterSigner.prescriberLogin(user("Practitioner/ReferralPractitionerExample")))
				.isEqualTo("Practitioner/ReferralPractitionerExample");
		assertThat(LetterSigner.prescriberLogin(user("http://localhost:8080/fhir/Practitioner/ReferralPractitionerExample")))
				.isEqualTo("Practitioner/ReferralPractitionerExample");
	}

	@Test
	void prescriberLogin_anotherKindOfUser_isRefused() {
		assertThatThrownBy(() -> LetterSigner.prescriberLogin(user("http://localhost:8080/fhir/Patient/1")))
				.isInstanceOf(RecourseException.class).hasMessageContaining("Practitioner");
		assertThatThrownBy(() -> LetterSigner.prescriberLogin(user("dr-demo"))).isInstanceOf(RecourseException.class);
	}

	private static Optional<Caller> user(String fhirUser) {
		return Optional.of(new Caller("recourse-app", Optional.of(fhirUser), Optional.empty(),
				List.of(SmartScope.parse("user/*.cruds").orElseThrow()), Optional.empty(), false));
	}
}
