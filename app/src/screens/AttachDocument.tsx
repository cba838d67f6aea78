import { useRef, useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, Section, SubmitForm } from "../components";
import { conceptsOf, display, systemUrl } from "../codes";
import { useDraft } from "../drafts";
import { ARTIFACT_TYPE } from "../model";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";

/** What the server takes (recourse.evidence.allowed-content-types); it checks again, bytes included. */
const ACCEPTED = ["application/pdf", "image/png", "image/jpeg", "image/tiff", "text/plain"];
const MAX_BYTES = 20 * 1024 * 1024;

/** LOINC document types for the kinds of evidence that have an obvious one; the rest are addenda. */
const LOINC: Record<string, [string, string]> = {
  "chart-note": ["11506-3", "Progress note"],
  "lab-result": ["11502-2", "Laboratory report"],
  imaging: ["18748-4", "Diagnostic imaging study"],
};

function base64(bytes: ArrayBuffer): string {
  let binary = "";
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** A document the specialist adds as evidence (a RecourseEvidence DocumentReference), listed on the case. */
export function AttachDocument({ api, context, onAttached }: { api: Api; context: CaseContext; onAttached: () => void }) {
  const [kind, setKind] = useDraft(`attach.${context.task.id}.kind`, "chart-note");
  const [title, setTitle, clearTitle] = useDraft(`attach.${context.task.id}.title`);
  const [file, setFile] = useState<File>();
  const [attached, setAttached] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const problem = file && !ACCEPTED.includes(file.type) ? `${file.type || "This file type"} is not accepted: PDF, PNG, JPEG, TIFF or plain text.` : file && file.size > MAX_BYTES ? "The file is larger than 20 MB." : undefined;

  async function attach() {
    if (!file || problem) {
      return;
    }
    const [code, typeDisplay] = LOINC[kind] ?? ["55107-7", "Addendum Document"];
    const stored = await action.run(`Attaching ${file.name}`, async () => {
      const document: Resource = {
        resourceType: "DocumentReference",
        meta: { profile: ["http://recourse.dev/fhir/StructureDefinition/recourse-evidence"] },
        status: "current",
        type: { coding: [{ system: "http://loinc.org", code, display: typeDisplay }] },
        category: [
          { coding: [{ system: ARTIFACT_TYPE, code: "evidence", display: "Evidence" }] },
          { coding: [{ system: systemUrl("evidenceType"), code: kind, display: display("evidenceType", kind) }] },
        ],
        subject: context.task.for,
        date: new Date().toISOString(),
        description: title || file.name,
        content: [{ attachment: { contentType: file.type, title: title || file.name, data: base64(await file.arrayBuffer()) } }],
      };
      const created = await api.create(document);
      const task = await api.read(`Task/${context.task.id}`);
      task.output = [...(task.output ?? []), { type: { coding: [{ system: ARTIFACT_TYPE, code: "evidence", display: "Evidence" }] }, valueReference: { reference: `DocumentReference/${created.id}` } }];
      await api.update(task);
      return created;
    });
    if (stored) {
      setAttached(`${title || file.name} is attached to the case (DocumentReference/${stored.id}). Map the criteria again to use it.`);
      clearTitle();
      setFile(undefined);
      if (input.current) {
        input.current.value = "";
      }
      await context.reload();
      onAttached();
    }
  }

  return (
    <Section title="Attach a document">
      <SubmitForm className="attach" onSubmit={attach}>
        <label>
          Kind of evidence
          <select value={kind} onChange={(event) => setKind(event.target.value)}>
            {conceptsOf("evidenceType").map((concept) => (
              <option key={concept.code} value={concept.code}>
                {concept.display}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title
          <input value={title} onChange={(event) => setTitle(event.target.value)} placeholder="e.g. Rheumatology note of 3 March" />
        </label>
        <label>
          File (PDF, image or text, up to 20 MB)
          <input ref={input} type="file" accept={ACCEPTED.join(",")} onChange={(event) => setFile(event.target.files?.[0])} />
        </label>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={!file || Boolean(problem) || action.running}>
          Attach
        </button>
      </SubmitForm>
      <ActionFeedback action={action} />
      {attached && <p role="status">{attached}</p>}
    </Section>
  );
}
