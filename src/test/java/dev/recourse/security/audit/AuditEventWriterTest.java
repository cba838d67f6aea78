package dev.recourse.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

class AuditEventWriterTest {
	private static final String BASE = "https://recourse.example/fhir";
	private final AuditEventWriter writer = new AuditEventWriter(new CallerAgents(FhirContext.forR4Cached()));
	private final AuditContext context = new AuditContext(BASE, "req-1", "10.0.0.9",
			Optional.of(CallerAgentsTest.caller(Optional.of("Practitioner/7"), Optional.of("42"), Optional.of("jti-1"))));

	@Test
	void operation_isAnExecutionWithItsNameAndPatients() {
		Attempt attempt = Attempt.parse("POST", "/ClaimResponse/9/$triage", null).orElseThrow();

		AuditEvent event = writer.success(attempt, context, List.of("Patient/42"));

		assertThat(event.getSubtype()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
				org.assertj.core.groups.Tuple.tuple(Interaction.SYSTEM, "operation"),
				org.assertj.core.groups.Tuple.tuple(AuditEventWriter.OPERATION_SYSTEM, "$triage"));
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(event.getMeta().hasProfile()).isFalse();
		assertThat(whats(event, "4")).containsExactly(BASE + "/ClaimResponse/9");
		assertThat(whats(event, "1")).containsExactly(BASE + "/Patient/42");
	}

	@Test
	void refusal_isAMinorFailureNamingWhatWasAttempted() {
		Attempt attempt = Attempt.parse("GET", "/Patient/42", null).orElseThrow();

		AuditEvent event = writer.failure(attempt, context, 403);

		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(event.getOutcomeDesc()).isEqualTo("HTTP 403");
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
		assertThat(event.getMeta().getProfile().get(0).getValue()).endsWith("IHE.BasicAudit.PatientRead");
		assertThat(whats(event, "1")).containsExactly(BASE + "/Patient/42");
		assertThat(event.getEntity()).anySatisfy(e -> assertThat(e.getWhat().getIdentifier().getValue()).isEqualTo("req-1"));
	}

	@Test
	void serverError_isASeriousFailure() {
		AuditEvent event = writer.failure(Attempt.parse("POST", "/Patient", null).orElseThrow(), context, 500);

		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._8);
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
	}

	@Test
	void refusedSearch_recordsItsQueryAsBalpDoes() {
		AuditEvent event = writer.failure(Attempt.parse("GET", "/Observation", "code=8867-4").orElseThrow(), context, 403);

		AuditEventEntityComponent query = event.getEntity().stream().filter(AuditEventEntityComponent::hasQuery).findFirst().orElseThrow();
		assertThat(new String(query.getQuery(), StandardCharsets.UTF_8)).isEqualTo(BASE + "/Observation?code=8867-4");
		assertThat(query.getRole().getCode()).isEqualTo("24");
	}

	@Test
	void agents_areClientServerAndRequestingUserWithTokenContext() {
		AuditEvent event = writer.failure(Attempt.parse("DELETE", "/Patient/42", null).orElseThrow(), context, 403);

		assertThat(event.getAgent()).hasSize(3);
		AuditEvent.AuditEventAgentComponent client = event.getAgent().get(0);
		assertThat(client.getWho().getIdentifier().getValue()).isEqualTo("ehr");
		assertThat(client.getNetwork().getAddress()).isEqualTo("10.0.0.9");
		// BALP's delete profile names the client as the application and the server as custodian
		assertThat(client.getType().getCodingFirstRep().getCode()).isEqualTo("110150");
		AuditEvent.AuditEventAgentComponent user = event.getAgent().get(2);
		assertThat(user.getRequestor()).isTrue();
		assertThat(user.getWho().getReference()).isEqualTo(BASE + "/Practitioner/7");
		assertThat(user.getPolicy().get(0).getValue()).isEqualTo("jti-1");
		assertThat(user.hasExtension(CallerAgents.PATIENT_CONTEXT)).isTrue();
	}

	private static List<String> whats(AuditEvent event, String role) {
		return event.getEntity().stream()
				.filter(e -> role.equals(e.getRole().getCode()))
				.map(e -> e.getWhat().getReference())
				.toList();
	}
}
