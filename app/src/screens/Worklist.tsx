import { useEffect, useMemo, useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, Badge, formatDate } from "../components";
import { display } from "../codes";
import { CASE_CODE, type CaseSummary, summarize, urgency } from "../model";
import { useAction } from "../useAction";

const OPEN = "ready,in-progress";

/** Open cases, the most pressing deadline first; across patients, or only the launch patient's. */
export function Worklist({ api }: { api: Api }) {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [filters, setFilters] = useState({ payer: "", category: "", stage: "" });
  const loading = useAction();

  useEffect(() => {
    // an EHR launch's token is confined to its patient by the server; asking for that patient says so in the query too
    const patient = api.patientId ? `&patient=Patient/${api.patientId}` : "";
    loading.run("Loading the worklist", async () => {
      const found = await api.search(
        `Task?code=${encodeURIComponent(CASE_CODE)}&status=${OPEN}&_sort=deadline&_count=50&_include=Task:focus&_include=Task:patient&_include:iterate=ClaimResponse:request${patient}`,
      );
      const related = new Map<string, Resource>(found.map((resource) => [`${resource.resourceType}/${resource.id}`, resource]));
      const denials = found.filter((resource) => resource.resourceType === "ClaimResponse");
      const insurers = [...new Set(denials.map((denial) => denial.insurer?.reference).filter((reference) => reference && !related.has(reference)))];
      if (insurers.length > 0) {
        const ids = insurers.map((reference) => reference.split("/")[1]).join(",");
        (await api.search(`Organization?_id=${ids}`)).forEach((organization) => related.set(`Organization/${organization.id}`, organization));
      }
      setCases(found.filter((resource) => resource.resourceType === "Task").map((task) => summarize(task, related)));
    });
  }, [api]);

  const choices = useMemo(
    () => ({
      payer: [...new Set(cases.map((c) => c.payer).filter(Boolean))].sort(),
      category: [...new Set(cases.flatMap((c) => c.categories))].sort(),
      stage: [...new Set(cases.map((c) => c.stage).filter(Boolean))].sort(),
    }),
    [cases],
  );
  const shown = cases.filter(
    (c) =>
      (!filters.payer || c.payer === filters.payer) &&
      (!filters.category || c.categories.includes(filters.category)) &&
      (!filters.stage || c.stage === filters.stage),
  );

  return (
    <section aria-labelledby="worklist-title">
      <h1 id="worklist-title">Worklist</h1>
      <div className="filters" role="group" aria-label="Filters">
        <label>
          Payer
          <select value={filters.payer} onChange={(event) => setFilters({ ...filters, payer: event.target.value })}>
            <option value="">All payers</option>
            {choices.payer.map((payer) => (
              <option key={payer}>{payer}</option>
            ))}
          </select>
        </label>
        <label>
          Denial category
          <select value={filters.category} onChange={(event) => setFilters({ ...filters, category: event.target.value })}>
            <option value="">All categories</option>
            {choices.category.map((category) => (
              <option key={category} value={category}>
                {display("denialCategory", category)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Stage
          <select value={filters.stage} onChange={(event) => setFilters({ ...filters, stage: event.target.value })}>
            <option value="">All stages</option>
            {choices.stage.map((stage) => (
              <option key={stage} value={stage}>
                {display("caseStage", stage)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {api.patientId && (
        <p className="muted">
          The cases of the patient open in the EHR. For every patient's cases, <a href="launch.html">open the app on its own</a>.
        </p>
      )}
      <ActionFeedback action={loading} />
      {!loading.running && !loading.error && shown.length === 0 && <p>No open cases{cases.length > 0 ? " match these filters" : ""}.</p>}
      {shown.length > 0 && (
        <table className="worklist">
          <caption className="visually-hidden">Open cases, sorted by deadline</caption>
          <thead>
            <tr>
              <th scope="col">Deadline</th>
              <th scope="col">Patient</th>
              <th scope="col">Payer</th>
              <th scope="col">Service</th>
              <th scope="col">Category</th>
              <th scope="col">Stage</th>
              <th scope="col">Next step</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => {
              const due = urgency(c.deadline);
              return (
                <tr key={c.id} className={`due-${due}`}>
                  <td>
                    {formatDate(c.deadline) || "—"}
                    {due === "overdue" && <Badge kind="overdue">Overdue</Badge>}
                    {due === "soon" && <Badge kind="soon">Due within 48 h</Badge>}
                  </td>
                  <td>
                    <a href={`#/case/${encodeURIComponent(c.id)}`}>{c.patientName}</a>
                  </td>
                  <td>{c.payer}</td>
                  <td>{c.service}</td>
                  <td>{c.categories.map((category) => display("denialCategory", category)).join(", ")}</td>
                  <td>{display("caseStage", c.stage)}</td>
                  <td>{display("pathway", c.pathway)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
