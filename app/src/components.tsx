import type { ReactNode } from "react";
import type { ApiError } from "./api";
import type { ActionState } from "./useAction";

/** What a long action is doing, with the seconds it has taken; announced to screen readers. */
export function Progress({ action }: { action: ActionState }) {
  if (!action.running) {
    return null;
  }
  return (
    <div className="progress" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {action.label}… <span className="elapsed">{action.elapsed} s</span>
    </div>
  );
}

/** The server's refusal in its own words, each problem at its place, and what to do next. */
export function ErrorBox({ error, onDismiss }: { error?: ApiError; onDismiss?: () => void }) {
  if (!error) {
    return null;
  }
  return (
    <div className="error" role="alert">
      <p className="error-title">{error.status ? `The server refused (${error.status}).` : "That did not work."}</p>
      <ul>
        {error.problems.map((problem, index) => (
          <li key={index}>
            {problem.text}
            {problem.location && <code className="location">{problem.location}</code>}
          </li>
        ))}
      </ul>
      <p className="next-step">
        <strong>What to do:</strong> {error.nextStep}
      </p>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

/** An action's progress and its failure, the pair every step shows. */
export function ActionFeedback({ action }: { action: ActionState & { dismiss: () => void } }) {
  return (
    <>
      <Progress action={action} />
      <ErrorBox error={action.error} onDismiss={action.dismiss} />
    </>
  );
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="panel" aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function formatDate(value?: string): string {
  if (!value) {
    return "";
  }
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" });
}

export function formatDateTime(value?: string): string {
  if (!value) {
    return "";
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

/** A form whose submit runs an action in the page (no navigation): Enter in a field submits, as users expect. */
export function SubmitForm({ onSubmit, className, children }: { onSubmit: () => void; className?: string; children: ReactNode }) {
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
