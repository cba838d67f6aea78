/**
 * The demo on the embedded default (the dev-issuer profile with recourse.demo.enabled; {@link dev.recourse.demo.DemoEnvironment}
 * decides and adds demo/demo-settings.yaml): third-party example bundles, demo denials with their cases opened on
 * fixture patients ({@code DemoCases}, dates moved to the day of the first load), an in-process read-only EHR at
 * /demo-ehr/fhir serving their charts ({@code DemoEhr}), and the demo's clients at the development issuer ({@code
 * DemoClients}: this server as a SMART Backend Services client of its own EHR and payer side, and the payer's
 * reviewer). Off, none of it exists. Loading is idempotent and safe with several instances.
 */
package dev.recourse.demo;
