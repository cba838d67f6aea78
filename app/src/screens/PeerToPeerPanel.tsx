import type { Api, Resource } from "../api";
import { ActionFeedback, Section, SubmitForm } from "../components";
import { conceptsOf } from "../codes";
import { useDraft } from "../drafts";
import { activeRequest, peerToPeerAppointment, peerToPeerRequest } from "../peerToPeer";
import { useAction } from "../useAction";

/**
 * The case's peer-to-peer: ask for one (CommunicationRequest), schedule it (Appointment), record how it ended
 * ($record-peer-to-peer, which moves the case). Every field is a draft in this browser until the server has it.
 */
export function PeerToPeerPanel({ api, task, requests, onSaved }: { api: Api; task: Resource; requests: Resource[]; onSaved: () => void }) {
  const open = activeRequest(requests);
  return (
    <Section title="Peer-to-peer">
      {!open && <RequestForm api={api} task={task} onSaved={onSaved} />}
      {open && <ScheduleForm api={api} task={task} request={open} onSaved={onSaved} />}
      {open && <OutcomeForm api={api} task={task} request={open} onSaved={onSaved} />}
    </Section>
  );
}

function RequestForm({ api, task, onSaved }: { api: Api; task: Resource; onSaved: () => void }) {
  const [reviewer, setReviewer, clearReviewer] = useDraft(`p2p.${task.id}.reviewer`);
  const [notes, setNotes, clearNotes] = useDraft(`p2p.${task.id}.notes`);
  const saving = useAction();

  async function request() {
    if (await saving.run("Requesting the peer-to-peer", () => api.create(peerToPeerRequest(task, reviewer, notes)))) {
      clearReviewer();
      clearNotes();
      onSaved();
    }
  }

  return (
    <SubmitForm className="p2p-request" onSubmit={request}>
      <label>
        Payer's reviewer (if known)
        <input value={reviewer} onChange={(event) => setReviewer(event.target.value)} placeholder="Medical director, phone line" />
      </label>
      <label>
        Notes for the request
        <textarea rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />
      </label>
      <button type="submit" disabled={saving.running}>
        Request peer-to-peer
      </button>
      <ActionFeedback action={saving} />
    </SubmitForm>
  );
}

function ScheduleForm({ api, task, request, onSaved }: { api: Api; task: Resource; request: Resource; onSaved: () => void }) {
  const [start, setStart, clearStart] = useDraft(`p2p.${request.id}.start`);
  const [minutes, setMinutes, clearMinutes] = useDraft(`p2p.${request.id}.minutes`, "15");
  const [people, setPeople, clearPeople] = useDraft(`p2p.${request.id}.people`);
  const saving = useAction();

  async function schedule() {
    const appointment = peerToPeerAppointment(task, request, new Date(start), Number(minutes) || 15, people.split(","));
    if (await saving.run("Scheduling the peer-to-peer", () => api.create(appointment))) {
      clearStart();
      clearMinutes();
      clearPeople();
      onSaved();
    }
  }

  return (
    <SubmitForm className="p2p-schedule" onSubmit={schedule}>
      <label>
        Scheduled for
        <input type="datetime-local" required value={start} onChange={(event) => setStart(event.target.value)} />
      </label>
      <label>
        Minutes
        <input type="number" min={5} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      </label>
      <label>
        Participants (comma-separated)
        <input value={people} onChange={(event) => setPeople(event.target.value)} placeholder="Prescriber, payer's reviewer, specialist" />
      </label>
      <button type="submit" className="secondary" disabled={saving.running || !start}>
        Schedule
      </button>
      <ActionFeedback action={saving} />
    </SubmitForm>
  );
}

function OutcomeForm({ api, task, request, onSaved }: { api: Api; task: Resource; request: Resource; onSaved: () => void }) {
  const [outcome, setOutcome, clearOutcome] = useDraft(`p2p.${request.id}.outcome`);
  const [note, setNote, clearNote] = useDraft(`p2p.${request.id}.note`);
  const saving = useAction();

  async function record() {
    const parameters = {
      resourceType: "Parameters",
      parameter: [
        { name: "outcome", valueCode: outcome },
        { name: "request", valueReference: { reference: `CommunicationRequest/${request.id}` } },
        ...(note.trim() ? [{ name: "note", valueString: note.trim() }] : []),
      ],
    };
    if (await saving.run("Recording the outcome", () => api.operation(`Task/${task.id}/$record-peer-to-peer`, parameters))) {
      clearOutcome();
      clearNote();
      onSaved();
    }
  }

  return (
    <SubmitForm className="p2p-outcome" onSubmit={record}>
      <label>
        Outcome
        <select required value={outcome} onChange={(event) => setOutcome(event.target.value)}>
          <option value="">Choose…</option>
          {conceptsOf("peerToPeerOutcome").map((concept) => (
            <option key={concept.code} value={concept.code} title={concept.definition}>
              {concept.display}
            </option>
          ))}
        </select>
      </label>
      <label>
        What was said (reasons, agreement, reference number)
        <textarea rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="submit" disabled={saving.running || !outcome}>
        Record outcome
      </button>
      <ActionFeedback action={saving} />
    </SubmitForm>
  );
}
