package dev.recourse.peertopeer;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.server.Searches;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** Finding a case's peer-to-peer request (named, or its one active request) and the appointment scheduled for it. */
final class PeerToPeerRecords {
	private PeerToPeerRecords() {
	}

	/** The request the outcome is for: 422 naming {@code request} when it is not this case's peer-to-peer or there is none. */
	static CommunicationRequest request(IRepository store, Task caseTask, Reference named) {
		String caseRef = "Task/" + caseTask.getIdElement().getIdPart();
		if (named != null && named.hasReference()) {
			CommunicationRequest request = readNamed(store, named.getReference());
			boolean ours = request.getBasedOn().stream().anyMatch(based -> caseRef.equals(based.getReference()))
					&& request.getCategory().stream().anyMatch(category -> category.hasCoding(PathwayCode.SYSTEM, PathwayCode.PEER_TO_PEER.code()));
			if (!ours) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, "request", named.getReference()
						+ " is not a peer-to-peer request of " + caseRef + " (category pathway#peer-to-peer, basedOn the case)");
			}
			return request;
		}
		List<CommunicationRequest> active = search(store, CommunicationRequest.class, "based-on", caseRef).stream()
				.map(CommunicationRequest.class::cast)
				.filter(request -> request.getStatus() == CommunicationRequest.CommunicationRequestStatus.ACTIVE)
				.filter(request -> request.getCategory().stream().anyMatch(category -> category.hasCoding(PathwayCode.SYSTEM, PathwayCode.PEER_TO_PEER.code())))
				.toList();
		if (active.size() != 1) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "request", active.isEmpty()
					? caseRef + " has no active peer-to-peer request: create a CommunicationRequest (RecoursePeerToPeerRequest) first"
					: caseRef + " has " + active.size() + " active peer-to-peer requests: name one in 'request'");
		}
		return active.get(0);
	}

	/** The appointment booked for the request, if one was made. */
	static Optional<Appointment> appointment(IRepository store, CommunicationRequest request) {
		return search(store, Appointment.class, "supporting-info", "CommunicationRequest/" + request.getIdElement().getIdPart()).stream()
				.map(Appointment.class::cast)
				.filter(appointment -> appointment.getStatus() != Appointment.AppointmentStatus.CANCELLED
						&& appointment.getStatus() != Appointment.AppointmentStatus.ENTEREDINERROR)
				.findFirst();
	}

	private static CommunicationRequest readNamed(IRepository store, String reference) {
		IdType id = new IdType(reference);
		if (!"CommunicationRequest".equals(id.getResourceType()) || !id.hasIdPart()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "request", "'request' must be CommunicationRequest/[id], not " + reference);
		}
		try {
			return store.read(CommunicationRequest.class, id.toUnqualifiedVersionless());
		} catch (ResourceNotFoundException missing) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "request", reference + " is not on this server");
		}
	}

	private static <T extends org.hl7.fhir.r4.model.Resource> List<org.hl7.fhir.r4.model.Resource> search(IRepository store, Class<T> type,
			String parameter, String reference) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put(parameter, List.of(new ReferenceParam(reference)));
		params.put("_count", List.of(new ca.uhn.fhir.rest.param.NumberParam(50)));
		return store.search(Bundle.class, type, params, Searches.UNSTORED).getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource).toList();
	}

}
