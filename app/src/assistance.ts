import type { Resource } from "./api";

export interface ProgramOffer {
  id: string;
  name: string;
  manufacturer: string;
  kind: string;
  eligibility: string;
  offered: boolean;
  reason: string;
  url: string;
  phone?: string;
  citation: string;
}

function part(parameter: Resource, name: string): any {
  const found = (parameter.part ?? []).find((p: Resource) => p.name === name);
  return found?.valueString ?? found?.valueCode ?? found?.valueUri ?? found?.valueBoolean;
}

/** $offer-assistance's Parameters as the screen reads them. */
export function readOffer(parameters: Resource): { offered: boolean; rationale: string; caveats: string[]; programs: ProgramOffer[] } {
  const all: Resource[] = parameters.parameter ?? [];
  return {
    offered: all.find((p) => p.name === "offered")?.valueBoolean === true,
    rationale: all.find((p) => p.name === "rationale")?.valueString ?? "",
    caveats: all.filter((p) => p.name === "caveat").map((p) => p.valueString),
    programs: all.filter((p) => p.name === "program").map((p) => ({
      id: part(p, "id"),
      name: part(p, "name"),
      manufacturer: part(p, "manufacturer"),
      kind: part(p, "kind"),
      eligibility: part(p, "eligibility"),
      offered: part(p, "offered") === true,
      reason: part(p, "reason"),
      url: part(p, "url"),
      phone: part(p, "phone"),
      citation: part(p, "citation"),
    })),
  };
}

export interface ChecklistItem {
  code: string;
  text: string;
  done: boolean;
}

/** A checklist Task's items: code, what it asks for, whether the server has it ticked. */
export function checklistItems(checklist: Resource): ChecklistItem[] {
  return (checklist.input ?? []).map((input: Resource) => ({
    code: input.type?.coding?.[0]?.code,
    text: input.type?.text ?? input.type?.coding?.[0]?.code,
    done: input.valueBoolean === true,
  }));
}

/** Ticks kept in the browser ("code" → done) that differ from the server's: what Save must send. */
export function unsavedTicks(checklist: Resource, ticks: Record<string, boolean>): { item: string; done: boolean }[] {
  return checklistItems(checklist)
    .filter((item) => item.code in ticks && ticks[item.code] !== item.done)
    .map((item) => ({ item: item.code, done: ticks[item.code] }));
}

/** The Parameters of one $check-item call. */
export function checkItemParameters(item: string, done: boolean): Resource {
  return { resourceType: "Parameters", parameter: [{ name: "item", valueCode: item }, { name: "done", valueBoolean: done }] };
}
