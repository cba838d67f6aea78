import { useEffect, useMemo, useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, formatDate, formatDateTime, Section, SubmitForm } from "../components";
import { display, RECOURSE } from "../codes";
import { useDraft } from "../drafts";
import { chosenPathway, letterChoices, letterFor, type LetterChoice } from "../filings";
import { ARTIFACT_TYPE, outputs } from "../model";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";
import { FilingPacketPanel } from "./FilingPacketPanel";

const SECTIONS = [
  ["opening", "Opening (why you are writing)"],
  ["argument", "Argument (why the criteria are met, or why they should not apply)"],
  ["closing", "Closing (what you ask the plan to do)"],
] as const;

function attachment(letter: Resource | undefined, type: string): Resource | undefined {
  return (letter?.content ?? []).map((content: Resource) => content.attachment).find((a: Resource) => a?.contentType?.startsWith(type));
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function choiceLabel(choice: LetterChoice): string {
  return `${display("pathway", choice.code)}${choice.deadline ? ` — file by ${formatDate(choice.deadline)}` : ""}`;
}

/** The case's letters, one per pathway drafted: those on its denial, and the one its output links (the latest). */
async function caseLetters(api: Api, context: CaseContext): Promise<Resource[]> {
  const { task, denial } = context;
  const found = await api.search(
    `DocumentReference?patient=${encodeURIComponent(task.for?.reference ?? "")}&related=ClaimResponse/${denial.id}` +
      `&category=${encodeURIComponent(`${ARTIFACT_TYPE}|letter`)}&_count=50`,
  );
  const linked = outputs(task, "letter").at(-1);
  if (linked && !found.some((letter) => `DocumentReference/${letter.id}` === linked)) {
    found.push(await api.read(linked));
  }
  return found;
}

/**
 * Draft a letter from the case's records — an appeal or exception to the plan, or a filing past it (external review,
 * IRE, fair hearing, regulator complaint) when the case stands where one is open — add the specialist's own words,
 * preview it, have the prescriber sign it, and pack a filing with its enclosures.
 */
export function LetterScreen({ api, context }: { api: Api; context: CaseContext }) {
  const { task } = context;
  const [letters, setLetters] = useState<Resource[]>([]);
  // while the case is read again after a draft or a signature, the screen is about to change under the pointer
  const [refreshing, setRefreshing] = useState(false);
  const action = useAction();
  const choices = letterChoices(context.standing ?? context.triage);
  const [kept, setPathway] = useDraft(`letter.${task.id}.pathway`, "");
  const choice = chosenPathway(choices, kept);
  const letter = letterFor(letters, choice?.code);
  const texts = {
    opening: useDraft(`letter.${task.id}.opening`),
    argument: useDraft(`letter.${task.id}.argument`),
    closing: useDraft(`letter.${task.id}.closing`),
  };

  useEffect(() => {
    action.run("Loading the case's letters", async () => setLetters(await caseLetters(api, context)));
  }, [task.id]);

  // what the letter already holds fills a section nobody has typed in on this computer
  useEffect(() => {
    for (const section of (letter?.extension ?? []).filter((e: Resource) => e.url === RECOURSE + "letter-section")) {
      const name = section.extension?.find((e: Resource) => e.url === "name")?.valueCode as keyof typeof texts;
      const text = section.extension?.find((e: Resource) => e.url === "text")?.valueString;
      if (texts[name] && !texts[name][0] && text) {
        texts[name][1](text);
      }
    }
  }, [letter?.id, letter?.meta?.versionId]);

  const signed = Boolean(letter?.authenticator);
  const isPractitioner = api.user?.startsWith("Practitioner/");

  function keep(updated: Resource) {
    setLetters((now) => [updated, ...now.filter((other) => other.id !== updated.id)]);
  }

  async function draft() {
    const parameter: Resource[] = choice ? [{ name: "pathway", valueCode: choice.code }] : [];
    for (const [name] of SECTIONS) {
      parameter.push({ name: "section", part: [{ name: "name", valueCode: name }, { name: "text", valueString: texts[name][0] }] });
    }
    const what = choice?.filing ? `the ${display("pathway", choice.code)} filing` : "the letter";
    const drafted = await action.run(`Drafting ${what} from the case's records (HTML and PDF/A)`, () =>
      api.operation(`Task/${task.id}/$draft-letter`, { resourceType: "Parameters", parameter }),
    );
    if (drafted) {
      keep(drafted);
      await refreshCase();
    }
  }

  async function sign() {
    const result = await action.run("Signing the letter", () => api.operation(`DocumentReference/${letter!.id}/$sign`));
    if (result) {
      keep(result);
      await refreshCase();
    }
  }

  async function refreshCase() {
    setRefreshing(true);
    try {
      await context.reload();
    } finally {
      setRefreshing(false);
    }
  }

  return (
    <>
      <Section title="Your words">
        <SubmitForm className="letter-form" onSubmit={draft}>
          {context.standing && <p className="standing">{standingText(context.standing)}</p>}
          <label>
            Pathway the letter argues
            <select value={choice?.code ?? ""} onChange={(event) => setPathway(event.target.value)}>
              {choices.length === 0 && <option value="">The top eligible pathway</option>}
              {choices.map((option) => (
                <option key={option.code} value={option.code}>
                  {choiceLabel(option)}
                </option>
              ))}
            </select>
          </label>
          {kept && choice && kept !== choice.code && (
            <p className="warning">{display("pathway", kept)} is no longer open for this case; the letter is drafted for {display("pathway", choice.code)}.</p>
          )}
          {SECTIONS.map(([name, label]) => (
            <label key={name}>
              {label}
              <textarea rows={name === "argument" ? 6 : 3} value={texts[name][0]} onChange={(event) => texts[name][1](event.target.value)} disabled={signed} />
            </label>
          ))}
          <p className="muted">Everything else in the letter comes from the case's records; what none holds is marked for you to complete.</p>
          <button type="submit" disabled={action.running || signed}>
            {letter ? "Draft again with these words" : choice?.filing ? "Draft the filing" : "Draft the letter"}
          </button>
        </SubmitForm>
      </Section>
      <ActionFeedback action={action} />
      {letter && <LetterView letter={letter} caseId={task.id!} signing={action.running || refreshing} canSign={Boolean(isPractitioner)} onSign={sign} />}
      {choice?.packed && <FilingPacketPanel api={api} context={context} pathway={choice.code} signed={signed} busy={refreshing} />}
    </>
  );
}

/** Where the case stands, as $standing says it: the level and why. */
function standingText(standing: Resource): string {
  const level = (standing.parameter ?? []).find((p: Resource) => p.name === "level")?.valueCode;
  const why = (standing.parameter ?? []).find((p: Resource) => p.name === "standing")?.valueString;
  return `The case stands at ${display("decisionLevel", level) || "?"}: ${why ?? ""}`;
}

/** The letter as drafted or signed: its state, the HTML preview and the PDF/A the recipient gets. */
function LetterView({ letter, caseId, signing, canSign, onSign }: { letter: Resource; caseId: string; signing: boolean; canSign: boolean; onSign: () => void }) {
  const signed = Boolean(letter.authenticator);
  const title = letter.type?.text ?? "Letter";
  const html = useMemo(() => {
    const content = attachment(letter, "text/html");
    return content?.data ? new TextDecoder().decode(bytesOf(content.data)) : undefined;
  }, [letter]);
  const pdfUrl = useMemo(() => {
    const content = attachment(letter, "application/pdf");
    return content?.data ? URL.createObjectURL(new Blob([bytesOf(content.data)], { type: "application/pdf" })) : undefined;
  }, [letter]);
  useEffect(() => () => (pdfUrl ? URL.revokeObjectURL(pdfUrl) : undefined), [pdfUrl]);
  const [pdfShown, setPdfShown] = useState(false);

  return (
    <Section
      title={signed ? "Signed letter" : "Draft letter"}
      actions={
        <>
          {pdfUrl && (
            <a className="button secondary" href={pdfUrl} download={`letter-${caseId}.pdf`}>
              Download PDF
            </a>
          )}
          {!signed && (
            <button type="button" onClick={onSign} disabled={signing || !canSign}>
              Sign as prescriber
            </button>
          )}
        </>
      }
    >
      <p role="status">
        {title}:{" "}
        {signed
          ? `Signed by ${letter.authenticator.display ?? letter.authenticator.reference} · ${formatDateTime(letter.date)} · frozen: it can no longer change.`
          : `Draft of ${formatDateTime(letter.date)} · not signed.`}
        {!signed && !canSign && " Only the prescriber can sign: ask them to open this case with their own login."}
      </p>
      {html && <iframe className="letter-preview" title="Letter preview" sandbox="" srcDoc={html} />}
      {pdfUrl && (
        <details className="pdf-preview" onToggle={(event) => setPdfShown(event.currentTarget.open)}>
          <summary>The PDF as the recipient receives it</summary>
          {/* the browser's PDF viewer only once asked for, not with every draft nobody opens */}
          {pdfShown && (
            <object data={pdfUrl} type="application/pdf" aria-label="Letter PDF" className="letter-preview">
              <p>
                This browser shows no PDF here: <a href={pdfUrl} download={`letter-${caseId}.pdf`}>download it</a>.
              </p>
            </object>
          )}
        </details>
      )}
    </Section>
  );
}
