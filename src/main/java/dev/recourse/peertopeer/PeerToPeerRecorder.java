package dev.recourse.peertopeer;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.casework.CaseNextStep;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.CaseStages;
import dev.recourse.casework.Cases;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.denial.triage.TriageService;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.server.LocalRepositories;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code $record-peer-to-peer}: outcome code checked → the open case → its peer-to-peer request (named or the one
 * active; 409 when its outcome is on file) → the appointment booked for it → the outcome Communication → the case's next
 * step (overturned: awaiting the written decision, deadlines kept; otherwise the denial triaged again with the
 * peer-to-peer spent) → one transaction: Communication created, request completed, appointment fulfilled or noshow,
 * case updated, each under If-Match.
 */
@Service
class PeerToPeerRecorder {
	private final LocalRepositories repositories;
	private final TriageService triage;

	PeerToPeerRecorder(LocalRepositories repositories, TriageService triage) {
		this.repositories = repositories;
		this.triage = triage;
	}

	Communication record(IdType caseId, PeerToPeerInput input, RequestDetails request) {
		if (input.outcome() == null || input.outcome().getValue() == null) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "outcome", "Parameter 'outcome' (a peer-to-peer-outcome code) is required");
		}
		PeerToPeerOutcome outcome = PeerToPeerOutcome.fromCode(input.outcome().getValue());
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		CommunicationRequest p2p = PeerToPeerRecords.request(store, caseTask, input.request());
		if (p2p.getStatus() != CommunicationRequest.CommunicationRequestStatus.ACTIVE) {
			throw new RecourseException(RecourseError.CONFLICT, "CommunicationRequest.status", "CommunicationRequest/"
					+ p2p.getIdElement().getIdPart() + " is " + p2p.getStatus().toCode() + ": its outcome is on file");
		}
		Optional<Appointment> appointment = PeerToPeerRecords.appointment(store, p2p);
		Date occurred = input.occurred() != null && input.occurred().getValue() != null ? input.occurred().getValue()
				: appointment.map(Appointment::getStart).orElseGet(Date::new);
		Communication communication = OutcomeCommunication.of(caseTask, p2p, outcome, occurred,
				input.note() == null ? null : input.note().getValue());
		Task movedCase = moveCase(caseTask, outcome, communication, request);
		store.transaction(transaction(communication, completed(p2p), appointment.map(booked -> attended(booked, outcome)), movedCase,
				caseTask));
		return store.read(Communication.class, new IdType("Communication", communication.getIdElement().getIdPart()));
	}

	private Task moveCase(Task caseTask, PeerToPeerOutcome outcome, Communication communication, RequestDetails request) {
		Task moved = caseTask.copy();
		moved.setBusinessStatus(CaseStages.concept(outcome.caseStage())).setLastModified(new Date());
		moved.addOutput().setValue(new Reference("Communication/" + communication.getIdElement().getIdPart())).getType()
				.addCoding(new Coding(CaseOutputs.ARTIFACT_TYPES, "peer-to-peer", "Peer-to-peer outcome"));
		String next;
		if (outcome.spent()) {
			ClaimResponse denial = repositories.forRequest(request).read(ClaimResponse.class,
					new IdType(caseTask.getFocus().getReference()).toUnqualifiedVersionless());
			CaseNextStep step = CaseNextStep.of(triage.triageStored(denial, request), Set.of(PathwayCode.PEER_TO_PEER));
			step.applyTo(moved);
			next = "next: " + step.describe();
		} else {
			next = "wait for the payer's written decision; the filing deadlines still run until it arrives";
		}
		moved.addNote().setTime(new Date()).setText("Peer-to-peer " + outcome.code() + "; " + next + ".");
		return moved;
	}

	private static CommunicationRequest completed(CommunicationRequest request) {
		CommunicationRequest copy = request.copy();
		copy.setStatus(CommunicationRequest.CommunicationRequestStatus.COMPLETED);
		return copy;
	}

	private static Appointment attended(Appointment appointment, PeerToPeerOutcome outcome) {
		Appointment copy = appointment.copy();
		copy.setStatus(outcome == PeerToPeerOutcome.MISSED ? Appointment.AppointmentStatus.NOSHOW : Appointment.AppointmentStatus.FULFILLED);
		return copy;
	}

	private static Bundle transaction(Communication communication, CommunicationRequest request, Optional<Appointment> appointment,
			Task movedCase, Task caseRead) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		put(transaction, communication, "0");
		put(transaction, request, request.getIdElement().getVersionIdPart());
		appointment.ifPresent(booked -> put(transaction, booked, booked.getIdElement().getVersionIdPart()));
		put(transaction, movedCase, caseRead.getIdElement().getVersionIdPart());
		return transaction;
	}

	private static void put(Bundle transaction, Resource resource, String version) {
		String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
		transaction.addEntry().setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url).setIfMatch("W/\"" + version + "\"");
	}
}
