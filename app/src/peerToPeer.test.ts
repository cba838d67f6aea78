import { describe, expect, it } from "vitest";
import { checklistItems, readOffer, unsavedTicks } from "./assistance";
import { activeRequest, peerToPeerAppointment, peerToPeerEvents, peerToPeerRequest } from "./peerToPeer";

const category = [{ coding: [{ system: "http://recourse.dev/fhir/CodeSystem/pathway", code: "peer-to-peer" }] }];
const task = { resourceType: "Task", id: "case-1", for: { reference: "Patient/p1" }, focus: { reference: "ClaimResponse/d1" } };

describe("peer-to-peer", () => {
  it("builds a request based on the case, about the denial", () => {
    const request = peerToPeerRequest(task, " Dr Lee ", "mornings", new Date("2026-11-23T10:00:00Z"));
    expect(request.basedOn).toEqual([{ reference: "Task/case-1" }]);
    expect(request.about).toEqual([{ reference: "ClaimResponse/d1" }]);
    expect(request.recipient).toEqual([{ display: "Dr Lee" }]);
    expect(request.category[0].coding[0].code).toBe("peer-to-peer");
  });

  it("schedules with an end after the start and the patient for information only", () => {
    const appointment = peerToPeerAppointment(task, { id: "cr1" }, new Date("2026-11-25T15:00:00Z"), 20, ["Dr Reyes", "", "Dr Lee"]);
    expect(appointment.end).toBe("2026-11-25T15:20:00.000Z");
    expect(appointment.participant.map((p: any) => p.actor.display ?? p.actor.reference)).toEqual(["Dr Reyes", "Dr Lee", "Patient/p1"]);
    expect(appointment.participant[2].required).toBe("information-only");
  });

  it("finds the active request and turns request, appointment and outcome into timeline lines", () => {
    const requests = [
      { id: "old", status: "completed", category, authoredOn: "2026-11-01T10:00:00Z" },
      { id: "cr1", status: "active", category, authoredOn: "2026-11-20T10:00:00Z" },
      { id: "call", status: "active", authoredOn: "2026-11-21T10:00:00Z" },
    ];
    expect(activeRequest(requests)?.id).toBe("cr1");
    const events = peerToPeerEvents(
      requests,
      [{ serviceCategory: category, start: "2026-11-22T15:00:00Z", status: "fulfilled", participant: [{ actor: { display: "Dr Lee" } }] }],
      [
        {
          category,
          sent: "2026-11-22T15:20:00Z",
          extension: [{ url: "http://recourse.dev/fhir/StructureDefinition/peer-to-peer-outcome", valueCoding: { code: "upheld" } }],
          payload: [{ contentString: "No DMARD trial" }],
        },
      ],
    );
    expect(events.map((e) => e.kind)).toEqual(["Peer-to-peer requested", "Peer-to-peer requested", "Peer-to-peer scheduled", "Peer-to-peer outcome"]);
    expect(events[2].text).toContain("with Dr Lee");
    expect(events[3].text).toBe("Upheld — No DMARD trial");
  });
});

describe("assistance", () => {
  it("reads the offer's programmes", () => {
    const offer = readOffer({
      parameter: [
        { name: "offered", valueBoolean: true },
        { name: "rationale", valueString: "why" },
        { name: "caveat", valueString: "AKS" },
        { name: "program", part: [{ name: "id", valueString: "card" }, { name: "offered", valueBoolean: false }, { name: "kind", valueCode: "copay-card" }] },
      ],
    });
    expect(offer.offered).toBe(true);
    expect(offer.caveats).toEqual(["AKS"]);
    expect(offer.programs[0]).toMatchObject({ id: "card", offered: false, kind: "copay-card" });
  });

  it("sends only the ticks that differ from the server's", () => {
    const checklist = {
      input: [
        { type: { coding: [{ code: "income-proof" }], text: "Income" }, valueBoolean: false },
        { type: { coding: [{ code: "prescription" }], text: "Rx" }, valueBoolean: true },
      ],
    };
    expect(checklistItems(checklist).map((i) => i.done)).toEqual([false, true]);
    expect(unsavedTicks(checklist, { "income-proof": true, prescription: true, unknown: true })).toEqual([{ item: "income-proof", done: true }]);
  });
});
