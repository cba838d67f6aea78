import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CaseFacts } from "./CaseFacts";

const RECOURSE = "http://recourse.dev/fhir/StructureDefinition/";

/** A case Task as the server writes it (CaseTask, CaseNextStep): stage, next step and deadline; none when not given. */
function caseTask(stage: string, pathway?: string, deadline?: string) {
  return {
    resourceType: "Task",
    id: "case-denial-1",
    status: "in-progress",
    businessStatus: { coding: [{ system: "http://recourse.dev/fhir/CodeSystem/case-stage", code: stage }] },
    extension: [
      { url: `${RECOURSE}plan-regime`, valueCodeableConcept: { coding: [{ code: "erisa-insured" }] } },
      ...(pathway ? [{ url: `${RECOURSE}pathway`, valueCodeableConcept: { coding: [{ system: "http://recourse.dev/fhir/CodeSystem/pathway", code: pathway }] } }] : []),
    ],
    ...(deadline ? { restriction: { period: { end: deadline } } } : {}),
  };
}

/** The header's facts as plain text, one per span. */
function facts(task: object, now = Date.parse("2026-11-24T12:00:00Z")): string[] {
  const html = renderToStaticMarkup(<CaseFacts task={task} now={now} />);
  return [...html.matchAll(/<span>(.*?)<\/span>(?=<span>|<\/p>)/g)].map((match) => match[1].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
}

describe("CaseFacts", () => {
  it("shows the next step the server set for a case opened on a final internal denial: external review", () => {
    expect(facts(caseTask("triaged", "external-review", "2027-03-01"))).toEqual([
      "Stage: Triaged",
      "Next step: External review",
      "Deadline: Mar 1, 2027",
      "Case in-progress",
    ]);
  });

  it("follows the Task the server rewrote after a decision, not the step it had before", () => {
    const opened = caseTask("submitted", "internal-appeal", "2026-12-20");
    const upheld = caseTask("upheld", "external-review", "2027-03-24");
    expect(facts(opened)[1]).toBe("Next step: Internal appeal");
    expect(facts(upheld).slice(0, 3)).toEqual(["Stage: Upheld", "Next step: External review", "Deadline: Mar 24, 2027"]);
  });

  it("says no step when the server set none, rather than one of its own", () => {
    expect(facts(caseTask("approved")).slice(1, 3)).toEqual(["Next step: —", "Deadline: —"]);
  });

  it("marks a deadline that has passed as overdue, and one within 48 hours as soon", () => {
    const now = Date.parse("2026-11-24T12:00:00Z");
    expect(facts(caseTask("triaged", "external-review", "2026-11-20"), now)[2]).toBe("Deadline: Nov 20, 2026 Overdue");
    expect(facts(caseTask("triaged", "external-review", "2026-11-25"), now)[2]).toBe("Deadline: Nov 25, 2026 Due within 48 h");
  });
});
