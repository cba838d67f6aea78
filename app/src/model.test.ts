import { describe, expect, it } from "vitest";
import { caseCoverageReference, describe as describeResource, outputs, urgency } from "./model";

describe("urgency", () => {
  const now = new Date("2026-11-23T12:00:00Z").getTime();

  it("is overdue once the last filing day has passed", () => {
    expect(urgency("2026-11-22T23:00:00Z", now)).toBe("overdue");
  });

  it("is soon within 48 hours", () => {
    expect(urgency("2026-11-25T11:00:00Z", now)).toBe("soon");
  });

  it("is later beyond 48 hours, and none without a deadline", () => {
    expect(urgency("2026-12-20", now)).toBe("later");
    expect(urgency(undefined, now)).toBe("none");
  });
});

describe("outputs", () => {
  it("lists the case's references of one artifact type", () => {
    const task = {
      resourceType: "Task",
      output: [
        { type: { coding: [{ system: "http://recourse.dev/fhir/CodeSystem/artifact-type", code: "letter" }] }, valueReference: { reference: "DocumentReference/a" } },
        { type: { coding: [{ system: "http://recourse.dev/fhir/CodeSystem/artifact-type", code: "packet" }] }, valueReference: { reference: "Bundle/p" } },
      ],
    };
    expect(outputs(task, "letter")).toEqual(["DocumentReference/a"]);
    expect(outputs(task, "criteria-map")).toEqual([]);
  });
});

describe("describe", () => {
  it("says what a lab result is, its value and date", () => {
    const ldl = {
      resourceType: "Observation",
      code: { coding: [{ display: "LDL cholesterol" }] },
      valueQuantity: { value: 162, unit: "mg/dL" },
      effectiveDateTime: "2026-11-02",
    };
    expect(describeResource(ldl)).toEqual({ what: "LDL cholesterol: 162 mg/dL", when: "2026-11-02" });
  });

  it("gives a prior therapy its period and why it stopped", () => {
    const episode = {
      resourceType: "MedicationStatement",
      medicationCodeableConcept: { text: "methotrexate" },
      statusReason: [{ text: "Allergic reaction" }],
      effectivePeriod: { start: "2026-02-01", end: "2026-03-09" },
    };
    expect(describeResource(episode)).toEqual({ what: "methotrexate (Allergic reaction)", when: "2026-02-01 – 2026-03-09" });
  });
});

describe("caseCoverageReference", () => {
  const denial = { resourceType: "ClaimResponse", insurance: [{ focal: true, coverage: { reference: "Coverage/ehr-copy" } }] };

  it("is the Coverage the case recorded when opened, even when the denial names another", () => {
    const task = { resourceType: "Task", insurance: [{ reference: "Coverage/plan-at-opening" }] };
    expect(caseCoverageReference(task, denial)).toBe("Coverage/plan-at-opening");
  });

  it("is the denial's Coverage for a case that recorded none, and none when neither names one", () => {
    expect(caseCoverageReference({ resourceType: "Task" }, denial)).toBe("Coverage/ehr-copy");
    expect(caseCoverageReference({ resourceType: "Task", insurance: [] }, { resourceType: "ClaimResponse" })).toBeUndefined();
  });
});
