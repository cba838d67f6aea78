import { describe, expect, it } from "vitest";
import { nextStepFor, type Problem } from "./api";
import { explainRefusal } from "./refusals";

/** A 422 as api.ts reads it from the server's OperationOutcome, before any explaining. */
function refusal(...problems: Problem[]) {
  return { problems, nextStep: nextStepFor(422) };
}

describe("explainRefusal", () => {
  it("says a filing's missing addressee in words: the filing, the plan, the state, and that a row is missing", () => {
    const server = {
      severity: "error",
      text: "No addressee for a external-review filing of a aca-individual plan in WY (the patient's address): add a row for WY to rules/filing-addressees.yaml",
      location: "pathway",
    };
    const explained = explainRefusal(refusal(server));
    expect(explained.problems).toEqual([
      {
        severity: "error",
        text: "Recourse has no office on file to send an external review filing for an ACA individual plan in WY: its list of filing addressees has no row for WY (read from the patient's address).",
      },
    ]);
    expect(explained.nextStep).toBe(
      "Nothing was drafted or changed. Ask your administrator to add the office for WY, with its official source, to rules/filing-addressees.yaml. " +
        "If WY is not the plan's state, correct the plan's state or the patient's address in the EHR and pull again.",
    );
  });

  it("keeps the file the server names (the rules may be split per pathway) and a display that is an acronym", () => {
    const server = {
      severity: "error",
      text: "No addressee for a state-fair-hearing filing of a medicaid-managed-care plan in SD (the plan's state on its Coverage): add a row for SD to rules/filing-addressees-state-fair-hearing.yaml",
    };
    const explained = explainRefusal(refusal(server));
    expect(explained.problems[0].text).toBe(
      "Recourse has no office on file to send a state fair hearing filing for a Medicaid managed care plan in SD: its list of filing addressees has no row for SD (read from the plan's state on its Coverage).",
    );
    expect(explained.nextStep).toContain("to rules/filing-addressees-state-fair-hearing.yaml.");
    const ire = explainRefusal(refusal({ severity: "error", text: "No addressee for a ire-reconsideration filing of a medicare-part-d plan: add a row to rules/filing-addressees.yaml" }));
    expect(ire.problems[0].text).toBe(
      "Recourse has no office on file to send an IRE reconsideration filing for a Medicare Part D plan: its list of filing addressees has no row for this kind of plan.",
    );
    expect(ire.nextStep).toBe("Nothing was drafted or changed. Ask your administrator to add the office, with its official source, to rules/filing-addressees.yaml.");
  });

  it("leaves every other refusal in the server's words, with the status's next step", () => {
    const closed = { severity: "error", text: "Parameter 'pathway': internal-appeal is not open for this case (…).", location: "pathway" };
    const state = { severity: "error", text: "The plan's state is not known, and a state-fair-hearing filing …", location: "Coverage.extension:plan-state" };
    expect(explainRefusal(refusal(closed, state))).toEqual(refusal(closed, state));
  });
});
