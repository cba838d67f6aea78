import { useEffect, useMemo, useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, formatDateTime, Section, SubmitForm } from "../components";
import { display, RECOURSE } from "../codes";
import { useDraft } from "../drafts";
import { outputs, parameters, part } from "../model";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";

const SECTIONS = [
  ["opening", "Opening (why you are writing)"],
  ["argument", "Argument (why the criteria are met, or why they should not apply)"],
  ["closing", "Closing (what you ask the plan to do)"],
] as const;

/** Letters are written for requests to the plan; triage's other pathways (peer-to-peer, assistance…) have none. */
const NO_LETTER = new Set(["peer-to-peer", "correct-and-resubmit", "patient-assistance-program", "alternative-therapy"]);

function attachment(letter: Resource | undefined, type: string): Resource | undefined {
  return (letter?.content ?? []).map((content: Resource) => content.attachment).find((a: Resource) => a?.contentType?.startsWith(type));
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Draft the letter from the case's records, add the specialist's own words, preview it, and have the prescriber sign it. */
export function LetterScreen({ api, context }: { api: Api; context: CaseContext }) {
  const { task } = context;
  const [letter, setLetter] = useState<Resource>();
  const action = useAction();
  const eligible = parameters(context.triage, "pathway")
    .filter((p) => part(p, "eligible")?.valueBoolean)
    .map((p) => part(p, "code")?.valueCoding?.code as string)
    .filter((code) => code && !NO_LETTER.has(code));
  const [pathway, setPathway] = useDraft(`letter.${task.id}.pathway`, "");
  const texts = {
    opening: useDraft(`letter.${task.id}.opening`),
    argument: useDraft(`letter.${task.id}.argument`),
    closing: useDraft(`letter.${task.id}.closing`),
  };

  useEffect(() => {
    const stored = outputs(task, "letter").at(-1);
    if (stored) {
      action.run("Loading the letter", async () => setLetter(await api.read(stored)));
    }
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

  const html = useMemo(() => {
    const content = attachment(letter, "text/html");
    return content?.data ? new TextDecoder().decode(bytesOf(content.data)) : undefined;
  }, [letter]);
  const pdfUrl = useMemo(() => {
    const content = attachment(letter, "application/pdf");
    if (!content?.data) {
      return undefined;
    }
    return URL.createObjectURL(new Blob([bytesOf(content.data)], { type: "application/pdf" }));
  }, [letter]);
  useEffect(() => () => (pdfUrl ? URL.revokeObjectURL(pdfUrl) : undefined), [pdfUrl]);

  const signed = Boolean(letter?.authenticator);
  const isPractitioner = api.user?.startsWith("Practitioner/");

  async function draft() {
    const parameter: Resource[] = [];
    if (pathway) {
      parameter.push({ name: "pathway", valueCode: pathway });
    }
    for (const [name] of SECTIONS) {
      parameter.push({ name: "section", part: [{ name: "name", valueCode: name }, { name: "text", valueString: texts[name][0] }] });
    }
    const drafted = await action.run("Drafting the letter from the case's records (HTML and PDF/A)", () =>
      api.operation(`Task/${task.id}/$draft-letter`, { resourceType: "Parameters", parameter }),
    );
    if (drafted) {
      setLetter(drafted);
      await context.reload();
    }
  }

  async function sign() {
    const result = await action.run("Signing the letter", () => api.operation(`DocumentReference/${letter!.id}/$sign`));
    if (result) {
      setLetter(result);
      await context.reload();
    }
  }

  return (
    <>
      <Section title="Your words">
        <SubmitForm className="letter-form" onSubmit={draft}>
          <label>
            Pathway the letter argues
            <select value={pathway} onChange={(event) => setPathway(event.target.value)} disabled={signed}>
              <option value="">The top eligible pathway</option>
              {eligible.map((code) => (
                <option key={code} value={code}>
                  {display("pathway", code)}
                </option>
              ))}
            </select>
          </label>
          {SECTIONS.map(([name, label]) => (
            <label key={name}>
              {label}
              <textarea rows={name === "argument" ? 6 : 3} value={texts[name][0]} onChange={(event) => texts[name][1](event.target.value)} disabled={signed} />
            </label>
          ))}
          <p className="muted">Everything else in the letter comes from the case's records; what none holds is marked for you to complete.</p>
          <button type="submit" disabled={action.running || signed}>
            {letter ? "Draft again with these words" : "Draft the letter"}
          </button>
        </SubmitForm>
      </Section>
      <ActionFeedback action={action} />
      {letter && (
        <Section
          title={signed ? "Signed letter" : "Draft letter"}
          actions={
            <>
              {pdfUrl && (
                <a className="button secondary" href={pdfUrl} download={`letter-${task.id}.pdf`}>
                  Download PDF
                </a>
              )}
              {!signed && (
                <button type="button" onClick={sign} disabled={action.running || !isPractitioner}>
                  Sign as prescriber
                </button>
              )}
            </>
          }
        >
          <p role="status">
            {signed
              ? `Signed by ${letter.authenticator.display ?? letter.authenticator.reference} · ${formatDateTime(letter.date)} · frozen: it can no longer change.`
              : `Draft of ${formatDateTime(letter.date)} · not signed.`}
            {!signed && !isPractitioner && " Only the prescriber can sign: ask them to open this case with their own login."}
          </p>
          {html && <iframe className="letter-preview" title="Letter preview" sandbox="" srcDoc={html} />}
          {pdfUrl && (
            <details className="pdf-preview">
              <summary>The PDF as the payer receives it</summary>
              <object data={pdfUrl} type="application/pdf" aria-label="Letter PDF" className="letter-preview">
                <p>
                  This browser shows no PDF here: <a href={pdfUrl} download={`letter-${task.id}.pdf`}>download it</a>.
                </p>
              </object>
            </details>
          )}
        </Section>
      )}
    </>
  );
}
