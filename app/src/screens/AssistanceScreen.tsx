import { useEffect, useState } from "react";
import type { Api, Resource } from "../api";
import { checkItemParameters, checklistItems, readOffer, unsavedTicks } from "../assistance";
import { ActionFeedback, Badge, Section } from "../components";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";

const CHECKLIST_CODE = "http://recourse.dev/fhir/CodeSystem/task-type|assistance-checklist";

/** Assistance programmes for the case's drug ($offer-assistance) and the application checklists started from them. */
export function AssistanceScreen({ api, context }: { api: Api; context: CaseContext }) {
  const { task } = context;
  const [offer, setOffer] = useState<ReturnType<typeof readOffer>>();
  const [checklists, setChecklists] = useState<Resource[]>([]);
  const loading = useAction();
  const starting = useAction();

  async function refresh() {
    await loading.run("Loading assistance programmes", async () => {
      setOffer(readOffer(await api.operation(`Task/${task.id}/$offer-assistance`)));
      setChecklists(await api.search(`Task?part-of=Task/${task.id}&code=${encodeURIComponent(CHECKLIST_CODE)}&_count=50`));
    });
  }

  useEffect(() => {
    refresh();
  }, [task.id]);

  async function start(program: string) {
    const parameters = { resourceType: "Parameters", parameter: [{ name: "program", valueString: program }] };
    if (await starting.run("Starting the checklist", () => api.operation(`Task/${task.id}/$assistance-checklist`, parameters))) {
      await refresh();
    }
  }

  return (
    <>
      <Section title="Patient assistance">
        <ActionFeedback action={loading} />
        {offer && <p>{offer.rationale}</p>}
        {offer?.caveats.map((caveat) => (
          <p key={caveat} className="warning">
            {caveat}
          </p>
        ))}
        <ul className="programs">
          {offer?.programs.map((program) => (
            <li key={program.id}>
              <strong>{program.name}</strong> ({program.manufacturer}, {program.kind}){" "}
              {program.offered ? <Badge kind="later">Offered</Badge> : <Badge kind="overdue">Withheld</Badge>}
              <p>{program.reason}</p>
              <p>{program.eligibility}</p>
              <p>
                <a href={program.url} target="_blank" rel="noreferrer">
                  Terms and application
                </a>
                {program.phone && ` · ${program.phone}`} · <small>{program.citation}</small>
              </p>
              {program.offered && (
                <button type="button" className="secondary" disabled={starting.running} onClick={() => start(program.id)}>
                  Start application checklist
                </button>
              )}
            </li>
          ))}
        </ul>
        <ActionFeedback action={starting} />
      </Section>
      {checklists.map((checklist) => (
        <ChecklistPanel key={checklist.id} api={api} checklist={checklist} onSaved={refresh} />
      ))}
    </>
  );
}

/** One checklist: ticks kept in this browser until Save sends those that differ from the server's. */
function ChecklistPanel({ api, checklist, onSaved }: { api: Api; checklist: Resource; onSaved: () => void }) {
  const key = `recourse.draft.checklist.${checklist.id}`;
  const [ticks, setTicks] = useState<Record<string, boolean>>(() => JSON.parse(localStorage.getItem(key) ?? "{}"));
  const saving = useAction();
  const pending = unsavedTicks(checklist, ticks);

  function tick(code: string, done: boolean) {
    const next = { ...ticks, [code]: done };
    setTicks(next);
    localStorage.setItem(key, JSON.stringify(next));
  }

  async function save() {
    const saved = await saving.run("Saving the checklist", async () => {
      for (const change of pending) {
        await api.operation(`Task/${checklist.id}/$check-item`, checkItemParameters(change.item, change.done));
      }
      return true;
    });
    if (saved) {
      localStorage.removeItem(key);
      setTicks({});
      onSaved();
    }
  }

  return (
    <Section title={checklist.description ?? "Application checklist"}>
      <p>Status: {checklist.status}</p>
      <ul className="checklist">
        {checklistItems(checklist).map((item) => (
          <li key={item.code}>
            <label>
              <input type="checkbox" checked={ticks[item.code] ?? item.done} onChange={(event) => tick(item.code, event.target.checked)} />{" "}
              {item.text}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" disabled={saving.running || pending.length === 0} onClick={save}>
        Save checklist{pending.length > 0 ? ` (${pending.length} change${pending.length > 1 ? "s" : ""})` : ""}
      </button>
      <ActionFeedback action={saving} />
    </Section>
  );
}
