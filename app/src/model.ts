import type { Resource } from "./api";
import { RECOURSE } from "./codes";

export const CASE_CODE = "http://recourse.dev/fhir/CodeSystem/task-type|recourse-case";
export const ARTIFACT_TYPE = "http://recourse.dev/fhir/CodeSystem/artifact-type";

/** A case as the worklist and the case screen show it. */
export interface CaseSummary {
  id: string;
  task: Resource;
  patientReference: string;
  patientName: string;
  payer: string;
  service: string;
  categories: string[];
  stage: string;
  deadline?: string;
  pathway?: string;
  regime?: string;
}

export type Urgency = "overdue" | "soon" | "later" | "none";

const HOURS_48 = 48 * 3600 * 1000;

/** Overdue when the last filing day is past, soon when it ends within 48 hours. */
export function urgency(deadline: string | undefined, now = Date.now()): Urgency {
  if (!deadline) {
    return "none";
  }
  const end = new Date(deadline.length === 10 ? `${deadline}T23:59:59` : deadline).getTime();
  if (end < now) {
    return "overdue";
  }
  return end - now <= HOURS_48 ? "soon" : "later";
}

export function humanName(patient?: Resource): string {
  const name = patient?.name?.[0];
  if (!name) {
    return patient?.id ? `Patient/${patient.id}` : "Unknown patient";
  }
  return name.text ?? [...(name.given ?? []), name.family].filter(Boolean).join(" ");
}

function codeOf(concept?: Resource): string | undefined {
  return concept?.coding?.[0]?.code;
}

export function extensionValues(resource: Resource | undefined, name: string): Resource[] {
  return (resource?.extension ?? []).filter((extension: Resource) => extension.url === RECOURSE + name);
}

/** The service the denial is about: its added item, else its first item's product, else what the request named. */
export function serviceOf(denial?: Resource, request?: Resource): string {
  const product = denial?.addItem?.[0]?.productOrService ?? request?.item?.[0]?.productOrService;
  if (!product) {
    return "the requested service";
  }
  const coding = product.coding?.[0];
  return product.text ?? coding?.display ?? (coding ? `${coding.code}` : "the requested service");
}

export function payerOf(denial?: Resource, organizations: Map<string, Resource> = new Map()): string {
  const insurer = denial?.insurer;
  if (!insurer) {
    return "";
  }
  return organizations.get(insurer.reference)?.name ?? insurer.display ?? insurer.identifier?.value ?? insurer.reference ?? "";
}

/**
 * The plan's Coverage of a case: the one the server recorded when it opened the case (Task.insurance), which its
 * letter, packet, standing and decision clocks read; for a case that recorded none, the denial's.
 */
export function caseCoverageReference(task: Resource, denial?: Resource): string | undefined {
  const recorded = (task.insurance ?? []).map((insurance: Resource) => insurance.reference).find((reference?: string) => reference?.startsWith("Coverage/"));
  return recorded ?? denial?.insurance?.[0]?.coverage?.reference;
}

export function summarize(task: Resource, related: Map<string, Resource>): CaseSummary {
  const denial = related.get(task.focus?.reference);
  const patient = related.get(task.for?.reference);
  return {
    id: task.id!,
    task,
    patientReference: task.for?.reference ?? "",
    patientName: humanName(patient) || task.for?.display,
    payer: payerOf(denial, related),
    service: serviceOf(denial, related.get(denial?.request?.reference)),
    categories: extensionValues(task, "denial-category").map((extension) => codeOf(extension.valueCodeableConcept) ?? ""),
    stage: codeOf(task.businessStatus) ?? "",
    deadline: task.restriction?.period?.end,
    pathway: codeOf(extensionValues(task, "pathway")[0]?.valueCodeableConcept),
    regime: codeOf(extensionValues(task, "plan-regime")[0]?.valueCodeableConcept),
  };
}

/** The references a case's outputs hold for one artifact type, newest last. */
export function outputs(task: Resource, artifact: string): string[] {
  return (task.output ?? [])
    .filter((output: Resource) => output.type?.coding?.some((coding: Resource) => coding.system === ARTIFACT_TYPE && coding.code === artifact))
    .map((output: Resource) => output.valueReference?.reference)
    .filter(Boolean);
}

/** A Parameters' named values (value[x] or parts), in order. */
export function parameters(resource: Resource | undefined, name: string): Resource[] {
  return (resource?.parameter ?? []).filter((parameter: Resource) => parameter.name === name);
}

export function part(parameter: Resource, name: string): Resource | undefined {
  return (parameter.part ?? []).find((p: Resource) => p.name === name);
}

export function parts(parameter: Resource, name: string): Resource[] {
  return (parameter.part ?? []).filter((p: Resource) => p.name === name);
}

/** A short description of a chart resource: what it is and its date. */
export function describe(resource: Resource): { what: string; when?: string } {
  const concept = (value?: Resource) => value?.text ?? value?.coding?.[0]?.display ?? value?.coding?.[0]?.code;
  switch (resource.resourceType) {
    case "Condition":
      return { what: `Diagnosis: ${concept(resource.code) ?? "condition"}`, when: resource.onsetDateTime ?? resource.recordedDate };
    case "Observation": {
      const quantity = resource.valueQuantity;
      const value = quantity ? `${quantity.value} ${quantity.unit ?? quantity.code ?? ""}`.trim() : (resource.valueString ?? concept(resource.valueCodeableConcept));
      return { what: `${concept(resource.code) ?? "Observation"}${value ? `: ${value}` : ""}`, when: resource.effectiveDateTime ?? resource.issued };
    }
    case "MedicationStatement":
    case "MedicationRequest": {
      const period = resource.effectivePeriod;
      const reason = resource.statusReason?.[0] ? ` (${concept(resource.statusReason[0])})` : "";
      return {
        what: `${concept(resource.medicationCodeableConcept) ?? resource.medicationReference?.display ?? "Medication"}${reason}`,
        when: period ? `${period.start ?? "?"} – ${period.end ?? "ongoing"}` : (resource.authoredOn ?? resource.effectiveDateTime),
      };
    }
    case "AllergyIntolerance":
      return { what: `Allergy: ${concept(resource.code) ?? "substance"}`, when: resource.onsetDateTime ?? resource.recordedDate };
    case "DocumentReference":
      return { what: resource.content?.[0]?.attachment?.title ?? resource.description ?? concept(resource.type) ?? "Document", when: resource.date };
    case "Procedure":
      return { what: `Procedure: ${concept(resource.code) ?? ""}`, when: resource.performedDateTime ?? resource.performedPeriod?.start };
    case "Patient":
      return { what: `Patient: ${humanName(resource)}, born ${resource.birthDate ?? "?"}`, when: undefined };
    default:
      return { what: resource.resourceType ?? "Resource", when: resource.meta?.lastUpdated };
  }
}
