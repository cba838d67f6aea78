import FHIR from "fhirclient";
import { createRoot } from "react-dom/client";
import { Api } from "./api";
import { App } from "./App";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);

FHIR.oauth2
  .ready()
  .then((client) => root.render(<App api={new Api(client)} />))
  .catch((error: unknown) =>
    root.render(
      <main className="signed-out">
        <h1>Recourse</h1>
        <p role="alert">You are not signed in ({String(error)}).</p>
        <p>
          Open the app from your EHR, or <a href="launch.html">sign in</a> directly.
        </p>
      </main>,
    ),
  );
