/**
 * Peer-to-peer: the request to the payer's reviewing physician (RecoursePeerToPeerRequest, a CommunicationRequest based
 * on the case), the scheduled discussion (RecoursePeerToPeerAppointment) — both plain REST writes checked against their
 * profiles — and {@code $record-peer-to-peer}, which records the outcome (RecoursePeerToPeerOutcome Communication) and
 * moves the case to what comes next.
 */
package dev.recourse.peertopeer;
