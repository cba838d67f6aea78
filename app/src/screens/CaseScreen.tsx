import { useCallback, useEffect, useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback } from "../components";
import { caseCoverageReference, humanName, payerOf, serviceOf } from "../model";
import { useAction } from "../useAction";
import { AssistanceScreen } from "./AssistanceScreen";
import { CaseFacts } from "./CaseFacts";
import { CriteriaScreen } from "./CriteriaScreen";
import { LetterScreen } from "./LetterScreen";
import { Overview } from "./Overview";
import { PacketScreen } from "./PacketScreen";
import { TimelineScreen } from "./TimelineScreen";

/** Everything about one case the screens read: the case Task, its denial, patient, plan, and the triage of the denial. */
export interface CaseContext {
  task: Resource;
  denial: Resource;
  patient?: Resource;
  insurer?: Resource;
  /** the case's plan: the Coverage recorded when the case was opened, else the one the denial names */
  coverage?: Resource;
  /** the denied request, when on file */
  request?: Resource;
  /** the payer's name as the denial and its insurer Organization give it */
  payer: string;
  triage?: Resource;
  /** where the case stands ($standing): the level, and the triage at that level — the pathways open now; absent when closed */
  standing?: Resource;
  reload: () => Promise<void>;
}

const TABS = [
  ["overview", "Denial and pathways"],
  ["criteria", "Chart and criteria"],
  ["letter", "Letter"],
  ["packet", "Packet and submit"],
  ["timeline", "Timeline"],
  ["assistance", "Assistance"],
] as const;

async function optional(read: () => Promise<Resource>): Promise<Resource | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

export function CaseScreen({ api, caseId, tab }: { api: Api; caseId: string; tab: string }) {
  const [context, setContext] = useState<CaseContext>();
  const loading = useAction();

  const load = useCallback(async () => {
    await loading.run("Loading the case", async () => {
      const task = await api.read(`Task/${caseId}`);
      const denial = await api.read(task.focus.reference);
      const coverageReference = caseCoverageReference(task, denial);
      const [patient, insurer, coverage, triage, request, standing] = await Promise.all([
        optional(() => api.read(task.for.reference)),
        denial.insurer?.reference ? optional(() => api.read(denial.insurer.reference)) : Promise.resolve(undefined),
        coverageReference ? optional(() => api.read(coverageReference)) : Promise.resolve(undefined),
        optional(() => api.operation(`ClaimResponse/${denial.id}/$triage`)),
        denial.request?.reference ? optional(() => api.read(denial.request.reference)) : Promise.resolve(undefined),
        optional(() => api.operation(`Task/${caseId}/$standing`)),
      ]);
      const payer = payerOf(denial, new Map(insurer ? [[denial.insurer.reference, insurer]] : []));
      setContext({ task, denial, patient, insurer, coverage, triage, request, standing, payer, reload: load });
    });
  }, [api, caseId]);

  useEffect(() => {
    load();
  }, [load]);

  if (!context) {
    return <ActionFeedback action={loading} />;
  }
  return (
    <article aria-labelledby="case-title">
      <p>
        <a href="#/">← Worklist</a>
      </p>
      <h1 id="case-title">
        {humanName(context.patient)} — {serviceOf(context.denial, context.request)} ({context.payer})
      </h1>
      <CaseFacts task={context.task} />
      <nav className="tabs" aria-label="Case steps">
        {TABS.map(([id, label]) => (
          <a key={id} href={`#/case/${encodeURIComponent(caseId)}/${id}`} aria-current={tab === id ? "page" : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {/* reading the case again after an action: shown aside, so the screen does not move under the user's pointer */}
      <div className="case-reload">
        <ActionFeedback action={loading} />
      </div>
      {tab === "overview" && <Overview api={api} context={context} />}
      {tab === "criteria" && <CriteriaScreen api={api} context={context} />}
      {tab === "letter" && <LetterScreen api={api} context={context} />}
      {tab === "packet" && <PacketScreen api={api} context={context} />}
      {tab === "timeline" && <TimelineScreen api={api} context={context} />}
      {tab === "assistance" && <AssistanceScreen api={api} context={context} />}
    </article>
  );
}
