package dev.recourse.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.security.Caller;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class CallerAgentsTest {
	private static final String BASE = "https://recourse.example/fhir";
	private final CallerAgents agents = new CallerAgents(FhirContext.forR4Cached());

	@Test
	void client_isNamedByItsClientId() {
		Reference who = agents.client(Optional.of(caller(Optional.empty(), Optional.empty(), Optional.empty())));

		assertThat(who.getIdentifier().getSystem()).isEqualTo(CallerAgents.CLIENT_ID_SYSTEM);
		assertThat(who.getIdentifier().getValue()).isEqualTo("ehr");
	}

	@Test
	void noCaller_isAnonymous() {
		assertThat(agents.client(Optional.empty()).getIdentifier().getValue()).isEqualTo(CallerAgents.ANONYMOUS);
		assertThat(agents.user(Optional.empty(), BASE).getIdentifier().getValue()).isEqualTo(CallerAgents.ANONYMOUS);
	}

	@Test
	void relativeFhirUser_becomesAnAbsoluteReference() {
		Reference who = agents.user(Optional.of(caller(Optional.of("Practitioner/7"), Optional.empty(), Optional.empty())), BASE);

		assertThat(who.getReference()).isEqualTo(BASE + "/Practitioner/7");
	}

	@Test
	void absoluteFhirUser_isKeptAsIs() {
		String ehrUser = "https://ehr.example/fhir/Practitioner/abc";

		Reference who = agents.user(Optional.of(caller(Optional.of(ehrUser), Optional.empty(), Optional.empty())), BASE);

		assertThat(who.getReference()).isEqualTo(ehrUser);
	}

	@Test
	void subjectThatIsNoFhirReference_isAnIdentifier() {
		for (String subject : List.of("alice@example.org", "Unknowntype/1", "Practitioner/a b")) {
			Reference who = agents.user(Optional.of(caller(Optional.of(subject), Optional.empty(), Optional.empty())), BASE);

			assertThat(who.hasReference()).as(subject).isFalse();
			assertThat(who.getIdentifier().getSystem()).isEqualTo(CallerAgents.USER_SYSTEM);
			assertThat(who.getIdentifier().getValue()).isEqualTo(subject);
		}
	}

	@Test
	void backendServiceWithoutUser_isItsOwnRequestor() {
		Reference who = agents.user(Optional.of(caller(Optional.empty(), Optional.empty(), Optional.empty())), BASE);

		assertThat(who.getIdentifier().getValue()).isEqualTo("ehr");
	}

	@Test
	void tokenContext_putsTokenIdAndLaunchPatientOnTheRequestor() {
		AuditEvent event = new AuditEvent();
		event.addAgent().setRequestor(false);
		AuditEvent.AuditEventAgentComponent requestor = event.addAgent().setRequestor(true);

		agents.addTokenContext(event, Optional.of(caller(Optional.of("Practitioner/7"), Optional.of("42"), Optional.of("jti-1"))));

		assertThat(requestor.getPolicy()).extracting(p -> p.getValue()).containsExactly("jti-1");
		Reference patient = (Reference) requestor.getExtensionByUrl(CallerAgents.PATIENT_CONTEXT).getValue();
		assertThat(patient.getReference()).isEqualTo("Patient/42");
		assertThat(event.getAgentFirstRep().hasExtension()).isFalse();
	}

	@Test
	void tokenContext_withoutPatientOrTokenId_addsNothing() {
		AuditEvent event = new AuditEvent();
		AuditEvent.AuditEventAgentComponent requestor = event.addAgent().setRequestor(true);

		agents.addTokenContext(event, Optional.of(caller(Optional.empty(), Optional.empty(), Optional.empty())));
		agents.addTokenContext(event, Optional.empty());

		assertThat(requestor.hasPolicy()).isFalse();
		assertThat(requestor.hasExtension()).isFalse();
	}

	static Caller caller(Optional<String> user, Optional<String> patient, Optional<String> tokenId) {
		return new Caller("ehr", user, patient, List.of(), tokenId, false);
	}
}
