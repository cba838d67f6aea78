import { useEffect, useState } from "react";
import type { Api } from "./api";
import { CaseScreen } from "./screens/CaseScreen";
import { Worklist } from "./screens/Worklist";

function currentRoute(): string[] {
  return window.location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
}

/** The shell: who is signed in, in which patient's context, and the screen the address names (#/case/<id>/<tab>). */
export function App({ api }: { api: Api }) {
  const [route, setRoute] = useState(currentRoute);

  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);

  const [screen, caseId, tab] = route;
  return (
    <>
      <header className="app-header">
        <a className="brand" href="#/">
          Recourse
        </a>
        <nav aria-label="Main">
          <a href="#/">Worklist</a>
        </nav>
        <span className="who">
          {api.user ? `Signed in as ${api.user}` : "Signed in"}
          {api.patientId && <> · Patient in context: {api.patientId}</>}
        </span>
      </header>
      <main>{screen === "case" && caseId ? <CaseScreen key={caseId} api={api} caseId={caseId} tab={tab ?? "overview"} /> : <Worklist api={api} />}</main>
    </>
  );
}
