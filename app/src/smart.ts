/** The app's client id at the authorization server (the development issuer registers it; a real EHR registers it likewise). */
export const APP_CLIENT_ID = "recourse-app";

/**
 * What the app asks for: the user's identity (to sign letters as the prescriber) and user-level access to cases; with an
 * EHR launch, the launch context too (the patient the EHR had open).
 */
export function scopesFor(ehrLaunch: boolean): string {
  const scopes = ["openid", "fhirUser", "user/*.cruds"];
  return (ehrLaunch ? ["launch", ...scopes] : scopes).join(" ");
}
