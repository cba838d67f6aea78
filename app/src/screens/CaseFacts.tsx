import type { Resource } from "../api";
import { Badge, formatDate } from "../components";
import { display } from "../codes";
import { summarize, urgency } from "../model";

/**
 * The case header's facts, read from the case Task alone: the server sets its stage, next step and deadline when it
 * opens the case, after a payer's decision, a missed decision clock or a peer-to-peer (CaseNextStep). Triage's or
 * $standing's ranking is not a substitute: the server passes over spent pathways the ranking still lists.
 */
export function CaseFacts({ task, now = Date.now() }: { task: Resource; now?: number }) {
  const summary = summarize(task, new Map());
  const due = urgency(summary.deadline, now);
  return (
    <p className="case-facts">
      <span>Stage: {display("caseStage", summary.stage)}</span>
      <span>Next step: {display("pathway", summary.pathway) || "—"}</span>
      <span>
        Deadline: {formatDate(summary.deadline) || "—"}
        {due === "overdue" && <Badge kind="overdue">Overdue</Badge>}
        {due === "soon" && <Badge kind="soon">Due within 48 h</Badge>}
      </span>
      <span>Case {task.status}</span>
    </p>
  );
}
