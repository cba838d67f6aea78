import FHIR from "fhirclient";
import { APP_CLIENT_ID, scopesFor } from "./smart";

// SMART App Launch 2: an EHR launch arrives with iss and launch; a standalone launch opens this page with neither (or an
// iss of the user's choosing) and signs in at the server that serves the app. fhirclient does discovery, PKCE and state.
const query = new URLSearchParams(window.location.search);
const launch = query.get("launch") ?? undefined;
const iss = query.get("iss") ?? `${window.location.origin}/fhir`;

FHIR.oauth2
  .authorize({
    clientId: APP_CLIENT_ID,
    scope: scopesFor(launch !== undefined),
    redirectUri: "index.html",
    iss,
    launch,
    pkceMode: "required",
  })
  .catch((error: unknown) => {
    const status = document.getElementById("status");
    if (status) {
      status.setAttribute("role", "alert");
      status.textContent = `The app could not start signing in: ${String(error)}. Launch it again from the EHR, or ask your administrator whether ${iss} is reachable.`;
    }
  });
