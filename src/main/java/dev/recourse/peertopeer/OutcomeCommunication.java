package dev.recourse.peertopeer;

import dev.recourse.common.Digests;
import dev.recourse.pathway.PathwayCode;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** The RecoursePeerToPeerOutcome Communication: one per request, so recording twice cannot make two. */
final class OutcomeCommunication {
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-peer-to-peer-outcome";
	static final String OUTCOME_EXTENSION = PeerToPeerOutcome.EXTENSION;

	private OutcomeCommunication() {
	}

	static String id(String requestId) {
		String plain = "p2p-" + requestId;
		return plain.length() <= 64 ? plain : "p2p-" + Digests.sha256Hex(requestId).substring(0, 40);
	}

	static Communication of(Task caseTask, CommunicationRequest request, PeerToPeerOutcome outcome, Date occurred, String note) {
		Communication communication = new Communication();
		communication.setId(id(request.getIdElement().getIdPart()));
		communication.getMeta().addProfile(PROFILE);
		communication.addExtension(OUTCOME_EXTENSION, new Coding(PeerToPeerOutcome.SYSTEM, outcome.code(), null));
		communication.setStatus(Communication.CommunicationStatus.COMPLETED);
		communication.addCategory(new CodeableConcept(new Coding(PathwayCode.SYSTEM, PathwayCode.PEER_TO_PEER.code(), "Peer-to-peer")));
		communication.addPartOf(new Reference("Task/" + caseTask.getIdElement().getIdPart()));
		communication.addBasedOn(new Reference("CommunicationRequest/" + request.getIdElement().getIdPart()));
		communication.setSubject(caseTask.getFor().copy());
		communication.addAbout(caseTask.getFocus().copy());
		communication.setSent(occurred);
		request.getRecipient().forEach(recipient -> communication.addRecipient(recipient.copy()));
		if (request.hasRequester()) {
			communication.setSender(request.getRequester().copy());
		}
		if (note != null && !note.isBlank()) {
			communication.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(note));
		}
		return communication;
	}
}
