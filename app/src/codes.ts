// The displays of Recourse's code systems, read from the same CodeSystem resources the server validates with.
import artifactType from "../../profiles/CodeSystem-artifact-type.json";
import caseStage from "../../profiles/CodeSystem-case-stage.json";
import criterionStatus from "../../profiles/CodeSystem-criterion-status.json";
import decisionLevel from "../../profiles/CodeSystem-decision-level.json";
import denialCategory from "../../profiles/CodeSystem-denial-category.json";
import evidenceType from "../../profiles/CodeSystem-evidence-type.json";
import pathway from "../../profiles/CodeSystem-pathway.json";
import peerToPeerOutcome from "../../profiles/CodeSystem-peer-to-peer-outcome.json";
import planRegime from "../../profiles/CodeSystem-plan-regime.json";
import therapyOutcome from "../../profiles/CodeSystem-therapy-outcome.json";

interface CodeSystem {
  url: string;
  concept: { code: string; display?: string; definition?: string }[];
}

export interface Concept {
  code: string;
  display: string;
  definition?: string;
}

function concepts(system: CodeSystem): Concept[] {
  return system.concept.map((concept) => ({ code: concept.code, display: concept.display ?? concept.code, definition: concept.definition }));
}

export const CODE_SYSTEMS = {
  artifactType: artifactType as CodeSystem,
  caseStage: caseStage as CodeSystem,
  criterionStatus: criterionStatus as CodeSystem,
  decisionLevel: decisionLevel as CodeSystem,
  denialCategory: denialCategory as CodeSystem,
  evidenceType: evidenceType as CodeSystem,
  pathway: pathway as CodeSystem,
  peerToPeerOutcome: peerToPeerOutcome as CodeSystem,
  planRegime: planRegime as CodeSystem,
  therapyOutcome: therapyOutcome as CodeSystem,
};

export type CodeSystemName = keyof typeof CODE_SYSTEMS;

export function conceptsOf(name: CodeSystemName): Concept[] {
  return concepts(CODE_SYSTEMS[name]);
}

export function systemUrl(name: CodeSystemName): string {
  return CODE_SYSTEMS[name].url;
}

/** The code's display in that system, else the code itself in words. */
export function display(name: CodeSystemName, code: string | undefined): string {
  if (!code) {
    return "";
  }
  const found = CODE_SYSTEMS[name].concept.find((concept) => concept.code === code);
  return found?.display ?? code.replace(/-/g, " ");
}

export const RECOURSE = "http://recourse.dev/fhir/StructureDefinition/";
export const INFORMATION_ORIGIN = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin";
