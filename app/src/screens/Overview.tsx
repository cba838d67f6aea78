import { useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, formatDate, Section, SubmitForm } from "../components";
import { conceptsOf, display, RECOURSE, systemUrl } from "../codes";
import { humanName, parameters, part, parts, serviceOf } from "../model";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";

/** The denial in plain words: who said no to what, when, why — and what to do next, by when, under which rule. */
export function Overview({ api, context }: { api: Api; context: CaseContext }) {
  const { denial, task } = context;
  // where the case stands (after an upheld appeal, a missed clock…) decides which pathways are open; the denial alone when closed
  const triage = context.standing ?? context.triage;
  const payer = context.payer || "The plan";
  const reasons: string[] = [...(denial.processNote ?? []).map((note: Resource) => note.text), denial.disposition].filter((reason): reason is string => Boolean(reason));
  const categories = parameters(triage, "category").map((p) => p.valueCoding?.code);
  const regime = parameters(triage, "regime")[0]?.valueCoding?.code;
  const pathways = parameters(triage, "pathway").sort((a, b) => (part(a, "rank")?.valueInteger ?? 99) - (part(b, "rank")?.valueInteger ?? 99));
  const questions = parameters(triage, "question").map((p) => p.valueString);
  const caseId = encodeURIComponent(task.id ?? "");

  return (
    <>
      <Section title="What the plan decided">
        <p className="plain">
          {payer} said <strong>no</strong> to <strong>{serviceOf(denial, context.request)}</strong> for {humanName(context.patient)}
          {denial.created && <> on {formatDate(denial.created)}</>}.
        </p>
        {reasons.length > 0 && (
          <blockquote>
            {reasons.map((reason, index) => (
              <p key={index}>“{reason}”</p>
            ))}
          </blockquote>
        )}
        <p>
          Recourse reads this as: <strong>{categories.map((category) => display("denialCategory", category)).join(", ") || "not yet classified"}</strong>
          {regime && (
            <>
              {" "}
              under a <strong>{display("planRegime", regime)}</strong> plan
            </>
          )}
          .
        </p>
        <details>
          <summary>Why (the codes and phrases that decided it)</summary>
          <ul>
            {parameters(triage, "basis").map((basis, index) => (
              <li key={index}>{basis.valueString}</li>
            ))}
          </ul>
        </details>
      </Section>
      {(questions.length > 0 || regime === "unknown") && <RegimeQuestions api={api} context={context} questions={questions} />}
      <Section
        title="Ways forward"
        actions={
          <>
            <a className="button" href={`#/case/${caseId}/criteria`}>
              Pull chart and map criteria
            </a>
            <a className="button" href={`#/case/${caseId}/letter`}>
              Draft the letter
            </a>
            <a className="button" href={`#/case/${caseId}/packet`}>
              Assemble and submit
            </a>
            <a className="button secondary" href={`#/case/${caseId}/timeline`}>
              Log a call
            </a>
          </>
        }
      >
        {pathways.length === 0 && <p>Triage found no pathway for this denial.</p>}
        <ol className="pathways">
          {pathways.map((pathway, index) => {
            const code = part(pathway, "code")?.valueCoding?.code;
            const eligible = part(pathway, "eligible")?.valueBoolean;
            const decision = part(pathway, "decisionTime")?.valueQuantity;
            return (
              <li key={index} className={eligible ? "eligible" : "not-eligible"}>
                <h3>
                  {display("pathway", code)} {eligible ? "" : <span className="muted">(not open now)</span>}
                </h3>
                <p>{part(pathway, "rationale")?.valueString}</p>
                <p>
                  {part(pathway, "filingDeadline") && (
                    <>
                      File by <strong>{formatDate(part(pathway, "filingDeadline")!.valueDate)}</strong>.{" "}
                    </>
                  )}
                  {decision && <>The plan must decide within {decision.value} {decision.unit}.</>}
                </p>
                <ul className="citations" aria-label="Citations">
                  {parts(pathway, "citation").map((citation, i) => (
                    <li key={i}>{citation.valueString}</li>
                  ))}
                </ul>
                {parts(pathway, "warning").map((warning, i) => (
                  <p key={i} className="warning">
                    ⚠ {warning.valueString}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      </Section>
    </>
  );
}

/** When the plan's regime is unknown, triage asks; the answer is recorded on the plan's Coverage and triage runs again. */
function RegimeQuestions({ api, context, questions }: { api: Api; context: CaseContext; questions: string[] }) {
  const [regime, setRegime] = useState("");
  const saving = useAction();
  const coverage = context.coverage;

  async function save() {
    if (!coverage || !regime) {
      return;
    }
    await saving.run("Recording the plan type", async () => {
      const extension = (coverage.extension ?? []).filter((e: Resource) => e.url !== `${RECOURSE}plan-regime`);
      extension.push({
        url: `${RECOURSE}plan-regime`,
        valueCodeableConcept: { coding: [{ system: systemUrl("planRegime"), code: regime, display: display("planRegime", regime) }] },
      });
      await api.update({ ...coverage, extension });
      await context.reload();
    });
  }

  return (
    <Section title="Questions to answer">
      <ul>
        {questions.map((question, index) => (
          <li key={index}>{question}</li>
        ))}
      </ul>
      {coverage ? (
        <SubmitForm onSubmit={save}>
          <label>
            What kind of plan is this?
            <select value={regime} onChange={(event) => setRegime(event.target.value)}>
              <option value="">Choose…</option>
              {conceptsOf("planRegime")
                .filter((concept) => concept.code !== "unknown")
                .map((concept) => (
                  <option key={concept.code} value={concept.code}>
                    {concept.display}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" disabled={!regime || saving.running}>
            Record and re-triage
          </button>
        </SubmitForm>
      ) : (
        <p>The case has no Coverage on file; record the plan type on the patient's Coverage in the EHR.</p>
      )}
      <ActionFeedback action={saving} />
    </Section>
  );
}
