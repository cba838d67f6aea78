import type { Resource } from "./api";
import { display, RECOURSE } from "./codes";

/** The pathway code that marks a CommunicationRequest, Appointment or Communication as the case's peer-to-peer. */
export const PATHWAY_SYSTEM = "http://recourse.dev/fhir/CodeSystem/pathway";
export const P2P_CATEGORY = { coding: [{ system: PATHWAY_SYSTEM, code: "peer-to-peer", display: "Peer-to-peer" }] };
export const P2P_REQUEST_PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-peer-to-peer-request";
export const P2P_APPOINTMENT_PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-peer-to-peer-appointment";

export interface TimelineEvent {
  when: string;
  kind: string;
  text: string;
}

function isPeerToPeer(concepts: Resource[] | undefined): boolean {
  return (concepts ?? []).some((concept) => concept.coding?.some((c: Resource) => c.system === PATHWAY_SYSTEM && c.code === "peer-to-peer"));
}

/** The case's open peer-to-peer request: active, category peer-to-peer. */
export function activeRequest(requests: Resource[]): Resource | undefined {
  return requests.find((request) => request.status === "active" && isPeerToPeer(request.category));
}

/** The outcome code a RecoursePeerToPeerOutcome Communication carries. */
export function outcomeOf(communication: Resource): string | undefined {
  return (communication.extension ?? []).find((e: Resource) => e.url === `${RECOURSE}peer-to-peer-outcome`)?.valueCoding?.code;
}

/** Timeline lines for the peer-to-peer: requested, scheduled (with whom), and how it ended. */
export function peerToPeerEvents(requests: Resource[], appointments: Resource[], communications: Resource[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const request of requests.filter((r) => isPeerToPeer(r.category))) {
    const notes = (request.payload ?? []).map((p: Resource) => p.contentString).filter(Boolean).join(" ");
    events.push({ when: request.authoredOn, kind: "Peer-to-peer requested", text: [notes, `status ${request.status}`].filter(Boolean).join(" · ") });
  }
  for (const appointment of appointments.filter((a) => isPeerToPeer(a.serviceCategory))) {
    const who = (appointment.participant ?? []).map((p: Resource) => p.actor?.display ?? p.actor?.reference).filter(Boolean).join(", ");
    events.push({ when: appointment.start, kind: "Peer-to-peer scheduled", text: [who && `with ${who}`, `status ${appointment.status}`].filter(Boolean).join(" · ") });
  }
  for (const communication of communications.filter((c) => isPeerToPeer(c.category))) {
    const notes = (communication.payload ?? []).map((p: Resource) => p.contentString).filter(Boolean).join(" ");
    events.push({ when: communication.sent, kind: "Peer-to-peer outcome", text: [display("peerToPeerOutcome", outcomeOf(communication)), notes].filter(Boolean).join(" — ") });
  }
  return events.filter((event) => event.when);
}

/** The CommunicationRequest the request form writes: to the payer's reviewer, about the denial, based on the case. */
export function peerToPeerRequest(task: Resource, reviewer: string, notes: string, now = new Date()): Resource {
  return {
    resourceType: "CommunicationRequest",
    meta: { profile: [P2P_REQUEST_PROFILE] },
    status: "active",
    category: [P2P_CATEGORY],
    basedOn: [{ reference: `Task/${task.id}` }],
    subject: task.for,
    about: [task.focus],
    authoredOn: now.toISOString(),
    recipient: reviewer.trim() ? [{ display: reviewer.trim() }] : undefined,
    payload: notes.trim() ? [{ contentString: notes.trim() }] : undefined,
  };
}

/** The Appointment the schedule form writes: start, length in minutes, the participants named, the request and the case. */
export function peerToPeerAppointment(task: Resource, request: Resource, start: Date, minutes: number, participants: string[]): Resource {
  return {
    resourceType: "Appointment",
    meta: { profile: [P2P_APPOINTMENT_PROFILE] },
    status: "booked",
    serviceCategory: [P2P_CATEGORY],
    start: start.toISOString(),
    end: new Date(start.getTime() + minutes * 60_000).toISOString(),
    supportingInformation: [{ reference: `CommunicationRequest/${request.id}` }, { reference: `Task/${task.id}` }],
    participant: [
      ...participants.map((name) => name.trim()).filter(Boolean).map((name) => ({ actor: { display: name }, status: "accepted" })),
      { actor: task.for, status: "accepted", required: "information-only" },
    ],
  };
}
