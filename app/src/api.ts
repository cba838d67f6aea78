import type Client from "fhirclient/lib/Client";
import { explainRefusal } from "./refusals";

/** One problem the server reported, as an OperationOutcome issue says it. */
export interface Problem {
  severity: string;
  text: string;
  location?: string;
}

/** A refused or failed request: the HTTP status, the server's own words, and what the specialist can do about it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problems: Problem[],
    readonly nextStep: string,
  ) {
    super(problems.map((problem) => problem.text).join("; ") || `HTTP ${status}`);
  }
}

/** A FHIR resource or element as JSON: the screens read what they need and send the rest back as it was. */
export type Resource = { resourceType?: string; id?: string; [key: string]: any };

/**
 * The FHIR API of the server that launched us, with the launch's access token. fhirclient did the OAuth dance; the
 * calls go through fetch so the app sees status codes, ETags and OperationOutcomes as they are.
 */
export class Api {
  constructor(private readonly client: Client) {}

  get base(): string {
    return this.client.state.serverUrl.replace(/\/$/, "");
  }

  get patientId(): string | undefined {
    return this.client.patient.id ?? undefined;
  }

  /** The signed-in user as a FHIR reference ("Practitioner/123"), from the id_token's fhirUser. */
  get user(): string | undefined {
    const fhirUser = this.client.getFhirUser();
    return fhirUser ? fhirUser.replace(/^.*\/(\w+\/[^/]+)$/, "$1") : undefined;
  }

  async read<T extends Resource = Resource>(reference: string): Promise<T> {
    return (await this.call("GET", reference)).body as T;
  }

  /** Every match, page by page (the Bundle's next links), up to {@code limit} resources. */
  async search<T extends Resource = Resource>(query: string, limit = 500): Promise<T[]> {
    const found: T[] = [];
    let next: string | undefined = query;
    while (next && found.length < limit) {
      const bundle = (await this.call("GET", next)).body as Resource;
      found.push(...(bundle.entry ?? []).map((entry: { resource: T }) => entry.resource));
      next = (bundle.link ?? []).find((link: Resource) => link.relation === "next")?.url;
    }
    return found;
  }

  async operation<T extends Resource = Resource>(path: string, parameters: Resource = { resourceType: "Parameters" }): Promise<T> {
    return (await this.call("POST", path, parameters)).body as T;
  }

  async create<T extends Resource>(resource: T): Promise<T> {
    return (await this.call("POST", resource.resourceType ?? "", resource)).body as T;
  }

  /** An update that refuses to overwrite someone else's change (If-Match on the version read). */
  async update<T extends Resource>(resource: T): Promise<T> {
    const headers: Record<string, string> = {};
    if (resource.meta?.versionId) {
      headers["If-Match"] = `W/"${resource.meta.versionId}"`;
    }
    return (await this.call("PUT", `${resource.resourceType}/${resource.id}`, resource, headers)).body as T;
  }

  /** A path under the FHIR base; a paging link only when it points back at that base (never elsewhere with our token). */
  private url(path: string): string {
    if (!/^https?:/.test(path)) {
      return `${this.base}/${path}`;
    }
    if (!path.startsWith(`${this.base}/`) && !path.startsWith(`${this.base}?`)) {
      throw new ApiError(0, [{ severity: "error", text: `The server sent a link to another address (${path}).` }], "Tell your administrator; nothing was sent there.");
    }
    return path;
  }

  private async call(method: string, path: string, body?: Resource, extraHeaders: Record<string, string> = {}) {
    // HAPI reuses a search's results for a minute unless told not to; a specialist must see what was just written
    const headers: Record<string, string> = { Accept: "application/fhir+json", "Cache-Control": "no-cache", ...extraHeaders };
    const authorization = this.client.getAuthorizationHeader();
    if (authorization) {
      headers.Authorization = authorization;
    }
    if (body) {
      headers["Content-Type"] = "application/fhir+json";
    }
    const target = this.url(path);
    let response: Response;
    try {
      response = await fetch(target, { method, headers, body: body ? JSON.stringify(body) : undefined });
    } catch {
      throw new ApiError(0, [{ severity: "error", text: "The server could not be reached." }],
        "Check your connection and try again; nothing you typed is lost.");
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const refusal = explainRefusal({ problems: problemsOf(parsed, response.statusText), nextStep: nextStepFor(response.status) });
      throw new ApiError(response.status, refusal.problems, refusal.nextStep);
    }
    return { status: response.status, body: parsed as Resource };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function problemsOf(body: unknown, statusText: string): Problem[] {
  const outcome = body as Resource | undefined;
  if (outcome?.resourceType !== "OperationOutcome") {
    return [{ severity: "error", text: statusText || "The request failed." }];
  }
  return (outcome.issue ?? []).map((issue: Resource) => ({
    severity: issue.severity,
    text: issue.details?.text ?? issue.diagnostics ?? issue.code,
    location: (issue.expression ?? issue.location ?? [])[0],
  }));
}

/** What to do next, by status: the server's message says what is wrong, this says what the specialist can do. */
export function nextStepFor(status: number): string {
  switch (status) {
    case 401:
      return "Your sign-in has expired: launch the app again from the EHR. What you typed is kept on this computer.";
    case 403:
      return "Your account may not do this. Ask your administrator for access, or ask the prescriber to do it.";
    case 404:
      return "It is no longer on file. Go back to the worklist and open the case again.";
    case 409:
      return "Someone else changed this case, or it is closed. Reload the case; what you typed is kept.";
    case 412:
      return "This was changed by someone else since you opened it. Reload the case and apply your change again; what you typed is kept.";
    case 422:
      return "Fix what is listed above, then try again.";
    case 502:
    case 503:
    case 504:
      return "The other system did not answer. Try again in a minute; nothing is lost.";
    default:
      return status >= 500 ? "Something went wrong on the server. Try again; if it keeps happening, tell your administrator the time." : "Check what you entered and try again.";
  }
}
