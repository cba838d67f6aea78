import { useCallback, useEffect, useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, Section, formatDate } from "../components";
import { display, INFORMATION_ORIGIN, RECOURSE } from "../codes";
import { describe, outputs, parameters, part } from "../model";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";
import { AttachDocument } from "./AttachDocument";
import { OverrideForm } from "./OverrideForm";

/** A criterion of the map as the table shows it. */
interface Row {
  index: number;
  linkId: string;
  requirement: string;
  status: "met" | "not-met" | "unknown";
  origin?: string;
  author?: string;
  reason?: string;
  evidence: string[];
  gap?: string;
}

function extension(element: Resource | undefined, name: string): Resource | undefined {
  return (element?.extension ?? []).find((e: Resource) => e.url === RECOURSE + name);
}

export function rowsOf(map: Resource): Row[] {
  return (map.item ?? []).map((item: Resource, index: number) => {
    const answer = item.answer?.[0];
    const origin = (answer?.extension ?? []).find((e: Resource) => e.url === INFORMATION_ORIGIN);
    const statusCode = extension(answer, "criterion-status")?.valueCodeableConcept?.coding?.[0]?.code ?? extension(item, "criterion-status")?.valueCodeableConcept?.coding?.[0]?.code;
    return {
      index,
      linkId: item.linkId,
      requirement: item.text,
      status: answer ? (statusCode === "not-met" || answer.valueBoolean === false ? "not-met" : "met") : "unknown",
      origin: (origin?.extension ?? []).find((e: Resource) => e.url === "source")?.valueCode,
      author: (origin?.extension ?? []).find((e: Resource) => e.url === "author")?.extension?.[0]?.valueReference?.reference,
      reason: extension(answer, "override-reason")?.valueString,
      evidence: (answer?.extension ?? []).filter((e: Resource) => e.url === RECOURSE + "evidence").map((e: Resource) => e.valueReference?.reference),
      gap: extension(item, "criterion-gap")?.valueString,
    };
  });
}

/** Pull the chart from the EHR, map the payer's criteria to it, close the gaps: the two-column table of the appeal. */
export function CriteriaScreen({ api, context }: { api: Api; context: CaseContext }) {
  const { task } = context;
  const [pull, setPull] = useState<Resource>();
  const [map, setMap] = useState<Resource>();
  const [sources, setSources] = useState<Map<string, Resource>>(new Map());
  const action = useAction();

  const showMap = useCallback(
    async (found: Resource) => {
      setMap(found);
      const references = [...new Set(rowsOf(found).flatMap((row) => row.evidence))];
      const read = await Promise.all(references.map(async (reference) => [reference, await api.read(reference).catch(() => undefined)] as const));
      setSources(new Map(read.filter(([, resource]) => resource) as [string, Resource][]));
    },
    [api],
  );

  useEffect(() => {
    const stored = outputs(task, "criteria-map").at(-1);
    if (stored) {
      action.run("Loading the criteria map", async () => showMap(await api.read(stored)));
    }
  }, [task.id, task.meta?.versionId]);

  async function pullChart() {
    const result = await action.run("Pulling the chart from the EHR (diagnoses, medications, allergies, labs, notes)", () =>
      api.operation(`Task/${task.id}/$pull-history`),
    );
    if (result) {
      setPull(result);
      await context.reload();
    }
  }

  async function mapCriteria() {
    const result = await action.run("Mapping each criterion of the payer's policy to the chart", () => api.operation(`Task/${task.id}/$map-criteria`));
    if (result) {
      await showMap(result);
      await context.reload();
    }
  }

  const rows = map ? rowsOf(map) : [];
  const gaps = rows.filter((row) => row.status !== "met" && row.gap);
  return (
    <>
      <Section
        title="The chart"
        actions={
          <button type="button" onClick={pullChart} disabled={action.running}>
            Pull chart from EHR
          </button>
        }
      >
        {outputs(task, "history-pull").length > 0 && !pull && <p>The chart was pulled before; pull again to bring what changed.</p>}
        {pull && <PullResult result={pull} />}
      </Section>
      <Section
        title="Criteria map"
        actions={
          <button type="button" onClick={mapCriteria} disabled={action.running}>
            {map ? "Map criteria again" : "Map criteria"}
          </button>
        }
      >
        <ActionFeedback action={action} />
        {!map && !action.running && <p>No map yet: pull the chart, then map the criteria.</p>}
        {map && (
          <>
            <p>
              Policy: <code>{map.questionnaire}</code> · {rows.filter((row) => row.status === "met").length} of {rows.length} criteria met
            </p>
            <table className="criteria">
              <caption className="visually-hidden">Each requirement of the policy and the chart fact that meets it</caption>
              <thead>
                <tr>
                  <th scope="col">Requirement (as the policy words it)</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.linkId} className={`row-${row.status}`}>
                    <td>{row.requirement}</td>
                    <td>
                      <Evidence references={row.evidence} sources={sources} />
                      {row.reason && <p className="override-reason">Specialist's reason: {row.reason}</p>}
                    </td>
                    <td>
                      <span className={`status status-${row.status}`}>{display("criterionStatus", row.status)}</span>
                      {(row.origin === "override" || row.origin === "manual") && <p className="muted">Specialist's {row.origin}{row.author ? ` (${row.author})` : ""}</p>}
                      <OverrideForm api={api} map={map} row={row} onSaved={showMap} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <OffLabel map={map} />
          </>
        )}
      </Section>
      {gaps.length > 0 && (
        <Section title="Gaps to close">
          <ul className="gaps">
            {gaps.map((row) => (
              <li key={row.linkId}>
                <strong>{row.requirement}</strong>: {row.gap}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <AttachDocument api={api} context={context} onAttached={() => undefined} />
    </>
  );
}

function Evidence({ references, sources }: { references: string[]; sources: Map<string, Resource> }) {
  if (references.length === 0) {
    return <span className="muted">No evidence on file</span>;
  }
  return (
    <ul className="evidence">
      {references.map((reference) => {
        const source = sources.get(reference);
        const described = source ? describe(source) : { what: reference, when: undefined };
        return (
          <li key={reference}>
            {described.what}
            {described.when && <span className="when"> · {described.when.includes("–") ? described.when : formatDate(described.when)}</span>}
            {source && (
              <details className="source">
                <summary>
                  Source: <code>{reference}</code>
                  {source.meta?.source && <> from {source.meta.source.split("#")[0]}</>}
                </summary>
                <pre>{JSON.stringify(source, null, 2)}</pre>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function PullResult({ result }: { result: Resource }) {
  const counts = parameters(result, "count").map((count) => `${part(count, "total")?.valueInteger} ${part(count, "resourceType")?.valueCode}`);
  const therapies = parameters(result, "priorTherapy");
  const warnings = parameters(result, "warning");
  return (
    <div role="status">
      <p>Pulled: {counts.join(", ") || "nothing new"}.</p>
      {therapies.length > 0 && (
        <table className="therapies">
          <caption>Prior therapies</caption>
          <thead>
            <tr>
              <th scope="col">Medication</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Days</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {therapies.map((therapy, index) => (
              <tr key={index}>
                <td>{part(therapy, "medication")?.valueCoding?.display ?? part(therapy, "medication")?.valueCoding?.code}</td>
                <td>{formatDate(part(therapy, "start")?.valueDate)}</td>
                <td>{formatDate(part(therapy, "end")?.valueDate) || "ongoing"}</td>
                <td>{part(therapy, "days")?.valueInteger}</td>
                <td title={part(therapy, "outcomeBasis")?.valueString}>{display("therapyOutcome", part(therapy, "outcome")?.valueCoding?.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {warnings.map((warning, index) => (
        <p key={index} className="warning">
          ⚠ {part(warning, "message")?.valueString}
        </p>
      ))}
    </div>
  );
}

/** For an off-label use: what the label says, what the compendia say, and what is still missing. */
function OffLabel({ map }: { map: Resource }) {
  const review = extension(map, "off-label-review");
  if (!review) {
    return null;
  }
  const sub = (name: string) => (review.extension ?? []).filter((e: Resource) => e.url === name);
  const code = (name: string) => sub(name)[0]?.valueCodeableConcept?.coding?.[0]?.code ?? sub(name)[0]?.valueCode;
  return (
    <div className="off-label">
      <h3>Off-label review</h3>
      <p>
        Label: {display("criterionStatus", code("labelStatus"))} · Compendia: {display("criterionStatus", code("compendiaStatus")) || "—"}
      </p>
      <ul>
        {sub("labelledIndication").map((e: Resource, index: number) => (
          <li key={index}>Labelled for: {e.valueString ?? e.valueCodeableConcept?.text}</li>
        ))}
        {sub("finding").map((e: Resource, index: number) => (
          <li key={`f${index}`}>{e.valueString}</li>
        ))}
      </ul>
    </div>
  );
}
