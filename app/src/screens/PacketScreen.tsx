import { useEffect, useState } from "react";
import { ApiError, type Api, type Resource } from "../api";
import { ActionFeedback, Section, formatDateTime } from "../components";
import { display } from "../codes";
import { outputs } from "../model";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";

/** X12 306 review actions, as PAS answers them, in words. */
const REVIEW_ACTIONS: Record<string, string> = {
  A1: "Approved (certified in total)",
  A2: "Partly approved",
  A3: "Denied (not certified)",
  A4: "Pended: the plan is reviewing it",
  A6: "Approved with changes",
  C: "Cancelled",
  CT: "Contact the plan",
  D: "Deferred",
};

/** What a refusal's location means for the specialist, for the places $assemble names most often. */
const WHAT_TO_FIX: [RegExp, string][] = [
  [/DocumentReference\.authenticator/, "The letter is not signed: the prescriber signs it on the Letter tab."],
  [/QuestionnaireResponse\.item/, "A criterion is not met or unknown and nobody has answered it: override it with a reason on the Chart and criteria tab."],
  [/Coverage\.identifier/, "The plan's member id is missing: record it on the patient's Coverage in the EHR and pull again."],
  [/preAuthRef/, "The denial carries no review reference number: add it from the denial letter."],
];

function reviewActions(bundle: Resource | undefined): string[] {
  const response = (bundle?.entry ?? []).map((e: Resource) => e.resource).find((r: Resource) => r?.resourceType === "ClaimResponse");
  const codes = new Set<string>();
  for (const item of response?.item ?? []) {
    for (const adjudication of item.adjudication ?? []) {
      for (const extension of adjudication.extension ?? []) {
        for (const sub of extension.extension ?? []) {
          const code = sub.valueCodeableConcept?.coding?.[0]?.code;
          if (sub.url?.endsWith("reviewActionCode") && code) {
            codes.add(code);
          }
        }
      }
    }
  }
  return [...codes];
}

/** Assemble the PAS packet (validated before it is shown), say in plain words what blocks it, submit it, show the answer. */
export function PacketScreen({ api, context }: { api: Api; context: CaseContext }) {
  const { task } = context;
  const [packet, setPacket] = useState<Resource>();
  const [answer, setAnswer] = useState<Resource>();
  const action = useAction();

  useEffect(() => {
    const stored = outputs(task, "packet").at(-1);
    const response = outputs(task, "payer-response").filter((reference) => reference.startsWith("Bundle/")).at(-1);
    action.run("Loading the packet", async () => {
      if (stored) {
        setPacket(await api.read(stored.replace(/\/_history\/.*$/, "")));
      }
      if (response) {
        setAnswer(await api.read(response));
      }
    });
  }, [task.id]);

  async function assemble() {
    const built = await action.run("Assembling the packet and validating it against PAS 2.2.1", () => api.operation(`Task/${task.id}/$assemble`));
    if (built) {
      setPacket(built);
      await context.reload();
    }
  }

  async function submit() {
    const sent = await action.run("Sending the packet to the payer", () => api.operation(`Task/${task.id}/$submit`));
    if (sent) {
      setAnswer(sent);
      await context.reload();
    }
  }

  const claim = packet?.entry?.[0]?.resource;
  const actions = reviewActions(answer);
  const refused = action.error instanceof ApiError && action.error.status === 422 ? action.error : undefined;
  return (
    <>
      <Section
        title="Packet"
        actions={
          <>
            <button type="button" onClick={assemble} disabled={action.running}>
              {packet ? "Assemble again" : "Assemble packet"}
            </button>
            <button type="button" onClick={submit} disabled={action.running || !packet}>
              Submit to payer
            </button>
          </>
        }
      >
        <ActionFeedback action={action} />
        {refused && (
          <div className="fixes">
            <h3>Before it can go</h3>
            <ul>
              {refused.problems.map((problem, index) => (
                <li key={index}>{WHAT_TO_FIX.find(([pattern]) => pattern.test(problem.location ?? ""))?.[1] ?? problem.text}</li>
              ))}
            </ul>
          </div>
        )}
        {packet && (
          <div role="status" className="packet-ok">
            <p>
              ✔ The packet validates against Da Vinci PAS 2.2.1 and Recourse's profiles: {packet.entry?.length} resources, identifier{" "}
              <code>{packet.identifier?.value}</code>, assembled {formatDateTime(packet.timestamp)}.
            </p>
            {claim && (
              <p>
                Request: {claim.meta?.profile?.some((p: string) => p.includes("exception")) ? "exception request" : "appeal"} for{" "}
                {claim.item?.[0]?.productOrService?.coding?.[0]?.display ?? claim.item?.[0]?.productOrService?.coding?.[0]?.code}
                {claim.priority?.coding?.[0]?.code === "stat" && " — expedited"}.
              </p>
            )}
          </div>
        )}
      </Section>
      {answer && (
        <Section title="Payer's answer">
          <p role="status" className="payer-answer">
            {actions.length > 0 ? actions.map((code) => REVIEW_ACTIONS[code] ?? code).join("; ") : "The payer answered without a review action."}
          </p>
          <p>Case stage now: {display("caseStage", task.businessStatus?.coding?.[0]?.code)}.</p>
          {actions.includes("A4") && <p>The plan's decision will arrive here by itself (a PAS notification); see the Timeline.</p>}
        </Section>
      )}
    </>
  );
}
