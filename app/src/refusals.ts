import type { Problem } from "./api";
import { display } from "./codes";

/** A refusal as the specialist reads it: the problems and what they can do next. */
export interface Refusal {
  problems: Problem[];
  nextStep: string;
}

// FilingAddressees' 422: the server writes it for whoever keeps the rules (codes, the file to edit); the specialist
// needs the filing in words, the state, and that an administrator must add the office. Unmatched text is shown as is.
const NO_ADDRESSEE = /^No addressee for an? ([a-z-]+) filing of an? ([a-z-]+) plan(?: in ([A-Z]{2}) \(([^)]*)\))?: add a row(?: for [A-Z]{2})? to (\S+?)\.?$/;

function withArticle(words: string): string {
  return `${/^[AEIOU]/i.test(words) ? "an" : "a"} ${words}`;
}

/** A display in running text: "External review" → "external review", an acronym ("IRE …") as it is. */
function inSentence(words: string): string {
  return /^[A-Z][a-z]/.test(words) ? words[0].toLowerCase() + words.slice(1) : words;
}

function noAddressee(match: RegExpMatchArray): Refusal {
  const [, pathway, regime, state, source, file] = match;
  const filing = `${withArticle(inSentence(display("pathway", pathway)))} filing for ${withArticle(display("planRegime", regime))} plan`;
  const where = state ? ` in ${state}` : "";
  const text = `Recourse has no office on file to send ${filing}${where}: its list of filing addressees has no row for ${
    state ? `${state} (read from ${source})` : "this kind of plan"
  }.`;
  const correct = state ? ` If ${state} is not the plan's state, correct the plan's state or the patient's address in the EHR and pull again.` : "";
  return {
    problems: [{ severity: "error", text }],
    nextStep: `Nothing was drafted or changed. Ask your administrator to add the office${state ? ` for ${state}` : ""}, with its official source, to ${file}.${correct}`,
  };
}

/** The refusal in the specialist's words where Recourse knows a better wording than the server's; else unchanged. */
export function explainRefusal(refusal: Refusal): Refusal {
  for (const problem of refusal.problems) {
    const match = problem.text?.match(NO_ADDRESSEE);
    if (match) {
      const explained = noAddressee(match);
      return { problems: [...explained.problems, ...refusal.problems.filter((other) => other !== problem)], nextStep: explained.nextStep };
    }
  }
  return refusal;
}
