package dev.recourse.peertopeer;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Task/[id]/$record-peer-to-peer}: the outcome of the case's peer-to-peer, and the case moved by it. */
@Component
class RecordPeerToPeerProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-record-peer-to-peer";
	private final PeerToPeerRecorder recorder;

	RecordPeerToPeerProvider(PeerToPeerRecorder recorder) {
		this.recorder = recorder;
	}

	@RequiresAccess(resourceType = "Task", verbs = {Verb.READ, Verb.UPDATE})
	@RequiresAccess(resourceType = "CommunicationRequest", verbs = {Verb.READ, Verb.UPDATE})
	@RequiresAccess(resourceType = "Appointment", verbs = {Verb.READ, Verb.UPDATE})
	@RequiresAccess(resourceType = "Communication", verbs = Verb.CREATE)
	@Operation(name = "$record-peer-to-peer", type = Task.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Record how the case's peer-to-peer ended and move the case to its next step")
	public Communication record(@IdParam IdType caseId,
			@OperationParam(name = "outcome", min = 1, max = 1)
			@Description(shortDefinition = "overturned | partially-overturned | upheld | not-offered | missed") CodeType outcome,
			@OperationParam(name = "request", min = 0, max = 1)
			@Description(shortDefinition = "The peer-to-peer CommunicationRequest; default the case's active one") Reference request,
			@OperationParam(name = "occurred", min = 0, max = 1)
			@Description(shortDefinition = "When it took place; default the appointment's start, else now") DateTimeType occurred,
			@OperationParam(name = "note", min = 0, max = 1)
			@Description(shortDefinition = "What was said and agreed, the payer's reference number") StringType note,
			RequestDetails details) {
		return recorder.record(caseId, new PeerToPeerInput(outcome, request, occurred, note), details);
	}
}
