import { useEffect, useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, formatDateTime, Section, SubmitForm } from "../components";
import { display } from "../codes";
import { useDraft } from "../drafts";
import { outputs } from "../model";
import { peerToPeerEvents, type TimelineEvent } from "../peerToPeer";
import { PeerToPeerPanel } from "./PeerToPeerPanel";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";

type Event = TimelineEvent;

const CALL_REFERENCE = "http://recourse.dev/fhir/sid/call-reference";

function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

async function events(api: Api, task: Resource): Promise<{ list: Event[]; requests: Resource[] }> {
  const caseRef = `Task/${task.id}`;
  const [submissions, communications, requests, appointments] = await Promise.all([
    api.search(`Task?part-of=${caseRef}&_count=50`),
    api.search(`Communication?part-of=${caseRef}&_count=50`),
    api.search(`CommunicationRequest?based-on=${caseRef}&_count=50`).catch(() => []),
    api.search(`Appointment?supporting-info=${caseRef}&_count=50`).catch(() => []),
  ]);
  const responses = await Promise.all(
    outputs(task, "payer-response").filter((r) => r.startsWith("ClaimResponse/")).map((r) => api.read(r).catch(() => undefined)),
  );
  const list: Event[] = [{ when: task.authoredOn, kind: "Case", text: "Case opened on the denial" }];
  // assistance checklists are partOf the case too; they live on the Assistance tab
  for (const submission of submissions.filter((t) => !t.code?.coding?.some((c: Resource) => c.code === "assistance-checklist"))) {
    list.push({
      when: submission.authoredOn ?? submission.meta?.lastUpdated,
      kind: "Submission",
      text: `Packet submitted to the payer — ${submission.status}${submission.statusReason?.text ? `: ${submission.statusReason.text}` : ""}`,
    });
  }
  for (const response of responses.filter(Boolean) as Resource[]) {
    list.push({ when: response.created, kind: "Payer response", text: `${response.disposition ?? response.outcome}${response.preAuthRef ? ` (reference ${response.preAuthRef})` : ""}` });
  }
  for (const note of task.note ?? []) {
    list.push({ when: note.time, kind: "Decision", text: note.text });
  }
  list.push(...peerToPeerEvents(requests, appointments, communications));
  for (const communication of communications.filter((c) => !isPeerToPeer(c))) {
    const call = communication.medium?.some((m: Resource) => m.coding?.some((c: Resource) => c.code === "PHONE"));
    const who = (communication.recipient ?? []).map((r: Resource) => r.display).filter(Boolean).join(", ");
    const reference = communication.identifier?.find((i: Resource) => i.system === CALL_REFERENCE)?.value;
    const notes = (communication.payload ?? []).map((p: Resource) => p.contentString).filter(Boolean).join(" ");
    list.push({
      when: communication.sent ?? communication.meta?.lastUpdated,
      kind: call ? "Call" : "Communication",
      text: [who && `with ${who}`, reference && `reference ${reference}`, notes].filter(Boolean).join(" · ") || "Documents sent",
    });
  }
  for (const request of requests.filter((r) => !isPeerToPeer(r))) {
    list.push({
      when: request.authoredOn ?? request.meta?.lastUpdated,
      kind: "Request",
      text: (request.payload ?? []).map((p: Resource) => p.contentString).filter(Boolean).join(" ") || "Requested",
    });
  }
  return { list: list.filter((event) => event.when).sort((a, b) => b.when.localeCompare(a.when)), requests };
}

function isPeerToPeer(resource: Resource): boolean {
  return (resource.category ?? []).some((c: Resource) => c.coding?.some((coding: Resource) => coding.code === "peer-to-peer"));
}


/** What happened on the case, newest first, and a call logged on the spot. */
export function TimelineScreen({ api, context }: { api: Api; context: CaseContext }) {
  const { task } = context;
  const [list, setList] = useState<Event[]>([]);
  const [requests, setRequests] = useState<Resource[]>([]);
  const loading = useAction();

  async function refresh() {
    await loading.run("Loading the timeline", async () => {
      const found = await events(api, task);
      setList(found.list);
      setRequests(found.requests);
    });
  }

  useEffect(() => {
    refresh();
  }, [task.id, task.meta?.versionId]);

  return (
    <>
      <Section
        title="Timeline"
        actions={
          <button type="button" className="secondary" onClick={() => context.reload()}>
            Refresh
          </button>
        }
      >
        <p>Stage: {display("caseStage", task.businessStatus?.coding?.[0]?.code)}</p>
        <ActionFeedback action={loading} />
        <ol className="timeline">
          {list.map((event, index) => (
            <li key={index}>
              <time dateTime={event.when}>{formatDateTime(event.when)}</time> <strong>{event.kind}</strong> {event.text}
            </li>
          ))}
        </ol>
      </Section>
      {/* a request or an appointment leaves the case Task as it was, so the timeline is read again as well as the case */}
      <PeerToPeerPanel api={api} task={task} requests={requests} onSaved={() => context.reload().then(refresh)} />
      <LogCall api={api} task={task} onLogged={refresh} />
    </>
  );
}

/** A call with the plan, logged as a Communication on the case: when, with whom, the reference number, notes. */
function LogCall({ api, task, onLogged }: { api: Api; task: Resource; onLogged: () => void }) {
  const [when, setWhen, clearWhen] = useDraft(`call.${task.id}.when`, localNow());
  const [person, setPerson, clearPerson] = useDraft(`call.${task.id}.person`);
  const [reference, setReference, clearReference] = useDraft(`call.${task.id}.reference`);
  const [notes, setNotes, clearNotes] = useDraft(`call.${task.id}.notes`);
  const saving = useAction();

  async function log() {
    const saved = await saving.run("Logging the call", () =>
      api.create({
        resourceType: "Communication",
        status: "completed",
        partOf: [{ reference: `Task/${task.id}` }],
        subject: task.for,
        medium: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode", code: "PHONE", display: "telephone" }] }],
        sent: new Date(when).toISOString(),
        recipient: [{ display: person }],
        identifier: reference ? [{ system: CALL_REFERENCE, value: reference }] : undefined,
        payload: notes ? [{ contentString: notes }] : undefined,
      }),
    );
    if (saved) {
      clearWhen();
      clearPerson();
      clearReference();
      clearNotes();
      onLogged();
    }
  }

  return (
    <Section title="Log a call">
      <SubmitForm className="log-call" onSubmit={log}>
        <label>
          Date and time
          <input type="datetime-local" required value={when} onChange={(event) => setWhen(event.target.value)} />
        </label>
        <label>
          Person spoken to
          <input required value={person} onChange={(event) => setPerson(event.target.value)} placeholder="Name and role at the plan" />
        </label>
        <label>
          Reference number
          <input value={reference} onChange={(event) => setReference(event.target.value)} />
        </label>
        <label>
          Notes
          <textarea rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />
        </label>
        <button type="submit" disabled={saving.running || !person.trim()}>
          Log call
        </button>
      </SubmitForm>
      <ActionFeedback action={saving} />
    </Section>
  );
}
