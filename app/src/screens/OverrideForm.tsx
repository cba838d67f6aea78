import { useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, SubmitForm } from "../components";
import { INFORMATION_ORIGIN, RECOURSE, systemUrl } from "../codes";
import { useDraft } from "../drafts";
import { useAction } from "../useAction";

interface RowRef {
  index: number;
  linkId: string;
  status: string;
  evidence: string[];
}

/**
 * The specialist's own answer to a criterion, with a reason: recorded on the map as a DTR information-origin override
 * with its author, which the server keeps when it maps the criteria again.
 */
export function OverrideForm({ api, map, row, onSaved }: { api: Api; map: Resource; row: RowRef; onSaved: (map: Resource) => void }) {
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useDraft(`override.${map.id}.${row.linkId}.answer`, row.status === "met" ? "not-met" : "met");
  const [reason, setReason, clearReason] = useDraft(`override.${map.id}.${row.linkId}.reason`);
  const saving = useAction();
  const field = `override-${row.linkId}`;

  async function save() {
    const saved = await saving.run("Recording your answer", async () => {
      const updated: Resource = structuredClone(map);
      const item = updated.item[row.index];
      item.extension = (item.extension ?? []).filter((e: Resource) => e.url !== RECOURSE + "criterion-status");
      const origin: Resource = { url: INFORMATION_ORIGIN, extension: [{ url: "source", valueCode: "override" }] };
      if (api.user?.startsWith("Practitioner/")) {
        origin.extension.push({ url: "author", extension: [{ url: "practitioner", valueReference: { reference: api.user } }] });
      }
      item.answer = [
        {
          valueBoolean: answer === "met",
          extension: [
            origin,
            { url: RECOURSE + "criterion-status", valueCodeableConcept: { coding: [{ system: systemUrl("criterionStatus"), code: answer }] } },
            { url: RECOURSE + "override-reason", valueString: reason.trim() },
            ...row.evidence.map((reference) => ({ url: RECOURSE + "evidence", valueReference: { reference } })),
          ],
        },
      ];
      return api.update(updated);
    });
    if (saved) {
      clearReason();
      setOpen(false);
      onSaved(saved);
    }
  }

  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)} aria-label={`Override: ${row.linkId}`}>
        Override…
      </button>
    );
  }
  return (
    <SubmitForm className="override" onSubmit={save}>
      <fieldset>
        <legend>Your answer</legend>
        <label className="inline">
          <input type="radio" name={`${field}-answer`} value="met" checked={answer === "met"} onChange={() => setAnswer("met")} /> Met
        </label>
        <label className="inline">
          <input type="radio" name={`${field}-answer`} value="not-met" checked={answer === "not-met"} onChange={() => setAnswer("not-met")} /> Not met
        </label>
      </fieldset>
      <label htmlFor={`${field}-reason`}>Reason (goes on the record)</label>
      <textarea id={`${field}-reason`} required minLength={5} value={reason} onChange={(event) => setReason(event.target.value)} rows={3} />
      <div className="form-actions">
        <button type="submit" disabled={saving.running || reason.trim().length < 5}>
          Save answer
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ActionFeedback action={saving} />
    </SubmitForm>
  );
}
