import { describe, expect, it } from "vitest";
import { dropDraft, readDraft, writeDraft } from "./drafts";
import { chosenPathway, letterChoices, letterFor, pathwayOf } from "./filings";

const PATHWAY = "http://recourse.dev/fhir/CodeSystem/pathway";

function pathway(code: string, rank: number, eligible: boolean, deadline?: string) {
  const part: object[] = [
    { name: "code", valueCoding: { system: PATHWAY, code } },
    { name: "rank", valueInteger: rank },
    { name: "eligible", valueBoolean: eligible },
  ];
  if (deadline) {
    part.push({ name: "filingDeadline", valueDate: deadline });
  }
  return { name: "pathway", part };
}

/** $standing of a case whose internal appeal was denied: the filings past the plan are open, the appeal is spent. */
const finalInternal = {
  resourceType: "Parameters",
  parameter: [
    { name: "level", valueCode: "final-internal" },
    pathway("regulator-complaint", 4, true),
    pathway("external-review", 1, true, "2027-03-01"),
    pathway("internal-appeal", 2, false, "2026-12-01"),
    pathway("peer-to-peer", 3, true),
    pathway("expedited-external-review", 2, true, "2027-03-01"),
    pathway("state-fair-hearing", 5, false),
  ],
};

function letter(id: string, code: string, date: string) {
  return {
    resourceType: "DocumentReference",
    id,
    date,
    extension: [{ url: "http://recourse.dev/fhir/StructureDefinition/pathway", valueCodeableConcept: { coding: [{ system: PATHWAY, code }] } }],
  };
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe("pathway choice", () => {
  it("offers only the open pathways a letter is written for, best rank first, each with its deadline", () => {
    const choices = letterChoices(finalInternal);
    expect(choices.map((choice) => choice.code)).toEqual(["external-review", "expedited-external-review", "regulator-complaint"]);
    expect(choices[0]).toMatchObject({ deadline: "2027-03-01", filing: true, packed: true });
    expect(choices[2]).toMatchObject({ deadline: undefined, filing: true, packed: false });
  });

  it("marks an appeal to the plan as no filing", () => {
    const choices = letterChoices({ parameter: [pathway("internal-appeal", 1, true, "2026-12-01")] });
    expect(choices).toEqual([{ code: "internal-appeal", rank: 1, deadline: "2026-12-01", filing: false, packed: false }]);
  });

  it("offers nothing without a triage", () => {
    expect(letterChoices(undefined)).toEqual([]);
  });

  it("keeps the specialist's choice while it is open, else falls back to the top one", () => {
    const choices = letterChoices(finalInternal);
    expect(chosenPathway(choices, "regulator-complaint")?.code).toBe("regulator-complaint");
    expect(chosenPathway(choices, "internal-appeal")?.code).toBe("external-review");
    expect(chosenPathway(choices, "")?.code).toBe("external-review");
    expect(chosenPathway([], "external-review")).toBeUndefined();
  });

  it("finds the letter of the chosen pathway among the case's letters, the newest of it", () => {
    const letters = [
      letter("appeal", "internal-appeal", "2026-11-01T10:00:00Z"),
      letter("review-old", "external-review", "2026-12-01T10:00:00Z"),
      letter("review", "external-review", "2026-12-02T10:00:00Z"),
    ];
    expect(pathwayOf(letters[0])).toBe("internal-appeal");
    expect(letterFor(letters, "external-review")?.id).toBe("review");
    expect(letterFor(letters, "internal-appeal")?.id).toBe("appeal");
    expect(letterFor(letters, "state-fair-hearing")).toBeUndefined();
  });
});

describe("draft keeping", () => {
  it("returns what was typed for the key, else the initial value, until dropped", () => {
    const storage = new MemoryStorage();
    expect(readDraft("letter.case-1.pathway", "", storage)).toBe("");
    writeDraft("letter.case-1.pathway", "external-review", storage);
    writeDraft("letter.case-1.argument", "", storage);
    expect(readDraft("letter.case-1.pathway", "", storage)).toBe("external-review");
    // a cleared field stays cleared: the initial value does not come back over it
    expect(readDraft("letter.case-1.argument", "from the server", storage)).toBe("");
    expect(readDraft("letter.case-2.pathway", "", storage)).toBe("");
    dropDraft("letter.case-1.pathway", storage);
    expect(readDraft("letter.case-1.pathway", "", storage)).toBe("");
  });

  it("keeps a chosen pathway that closed, so it returns when it opens again", () => {
    const storage = new MemoryStorage();
    writeDraft("letter.case-1.pathway", "state-fair-hearing", storage);
    const kept = readDraft("letter.case-1.pathway", "", storage);
    expect(chosenPathway(letterChoices(finalInternal), kept)?.code).toBe("external-review");
    const reopened = { parameter: [...finalInternal.parameter, pathway("state-fair-hearing", 6, true, "2027-02-01")] };
    expect(chosenPathway(letterChoices(reopened), kept)?.code).toBe("state-fair-hearing");
  });
});
