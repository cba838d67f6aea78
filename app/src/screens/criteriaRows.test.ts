import { describe, expect, it } from "vitest";
import { rowsOf } from "./CriteriaScreen";

const RECOURSE = "http://recourse.dev/fhir/StructureDefinition/";

describe("rowsOf", () => {
  it("reads met, not met and unknown criteria with their evidence, origin, reason and gap", () => {
    const map = {
      resourceType: "QuestionnaireResponse",
      item: [
        {
          linkId: "diagnosis",
          text: "Diagnosis of rheumatoid arthritis",
          answer: [
            {
              valueBoolean: true,
              extension: [
                { url: RECOURSE + "criterion-status", valueCodeableConcept: { coding: [{ code: "met" }] } },
                { url: RECOURSE + "evidence", valueReference: { reference: "Condition/ra" } },
              ],
            },
          ],
        },
        {
          linkId: "csdmard-step",
          text: "Tried methotrexate for 3 months",
          answer: [
            {
              valueBoolean: false,
              extension: [
                { url: "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin", extension: [{ url: "source", valueCode: "override" }] },
                { url: RECOURSE + "criterion-status", valueCodeableConcept: { coding: [{ code: "not-met" }] } },
                { url: RECOURSE + "override-reason", valueString: "Contraindicated" },
              ],
            },
          ],
        },
        { linkId: "prescriber", text: "Prescribed by a rheumatologist", extension: [{ url: RECOURSE + "criterion-gap", valueString: "Prescriber's specialty" }] },
      ],
    };
    const rows = rowsOf(map);
    expect(rows.map((row) => row.status)).toEqual(["met", "not-met", "unknown"]);
    expect(rows[0].evidence).toEqual(["Condition/ra"]);
    expect(rows[1]).toMatchObject({ origin: "override", reason: "Contraindicated" });
    expect(rows[2].gap).toBe("Prescriber's specialty");
  });
});
