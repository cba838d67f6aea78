import type { Resource } from "./api";
import { RECOURSE } from "./codes";
import { parameters, part } from "./model";

/** Pathways whose letter is a filing past the plan ($draft-letter with one of these drafts the filing, not an appeal). */
export const FILINGS = ["external-review", "expedited-external-review", "ire-reconsideration", "state-fair-hearing", "regulator-complaint"];

/** Filings sent as a packet with enclosures ($assemble-filing); a regulator complaint is sent as its letter alone. */
export const PACKED_FILINGS = new Set(FILINGS.filter((code) => code !== "regulator-complaint"));

/** Triage's pathways no letter is written for (a call, a corrected claim, a programme, another drug). */
const NO_LETTER = new Set(["peer-to-peer", "correct-and-resubmit", "patient-assistance-program", "alternative-therapy"]);

/** A pathway the specialist can write for now: its code, triage's rank, the last day to file, and what it produces. */
export interface LetterChoice {
  code: string;
  rank: number;
  deadline?: string;
  filing: boolean;
  packed: boolean;
}

/**
 * The pathways a letter can be drafted for, from where the case stands ($standing, else the denial's $triage): only
 * those triage lists as eligible and that are written requests, best rank first.
 */
export function letterChoices(triage: Resource | undefined): LetterChoice[] {
  return parameters(triage, "pathway")
    .filter((pathway) => part(pathway, "eligible")?.valueBoolean === true)
    .map((pathway) => {
      const code: string = part(pathway, "code")?.valueCoding?.code ?? "";
      return {
        code,
        rank: part(pathway, "rank")?.valueInteger ?? 99,
        deadline: part(pathway, "filingDeadline")?.valueDate,
        filing: FILINGS.includes(code),
        packed: PACKED_FILINGS.has(code),
      };
    })
    .filter((choice) => choice.code && !NO_LETTER.has(choice.code))
    .sort((a, b) => a.rank - b.rank);
}

/**
 * The pathway a draft is for: the one the specialist chose when it is still open, else the top choice. A choice that
 * closed (the case moved on) is not sent — the server would refuse it — but it stays in the kept draft until replaced.
 */
export function chosenPathway(choices: LetterChoice[], kept: string): LetterChoice | undefined {
  return choices.find((choice) => choice.code === kept) ?? choices[0];
}

/** The pathway a letter argues (its pathway extension). */
export function pathwayOf(letter: Resource | undefined): string | undefined {
  const extension = (letter?.extension ?? []).find((e: Resource) => e.url === `${RECOURSE}pathway`);
  return extension?.valueCodeableConcept?.coding?.[0]?.code;
}

/** Of the case's letters (one per pathway), the one for this pathway, the newest when several. */
export function letterFor(letters: Resource[], pathway: string | undefined): Resource | undefined {
  return letters
    .filter((letter) => pathwayOf(letter) === pathway)
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0];
}
