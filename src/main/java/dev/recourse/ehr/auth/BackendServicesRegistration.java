package dev.recourse.ehr.auth;

import java.util.Optional;

/**
 * What an EHR knows this server by under SMART Backend Services.
 *
 * @param clientId the client id the EHR registered us under (iss and sub of the client assertion)
 * @param scope the scopes to ask for, space-separated, e.g. {@code system/Patient.rs system/Condition.rs}
 * @param keyAlias the alias of the signing key in the configured keystore ({@code recourse.ehr.keystore})
 * @param tokenEndpoint the token endpoint when configured; empty: discovered from the EHR's
 *     {@code .well-known/smart-configuration}
 */
public record BackendServicesRegistration(String clientId, String scope, String keyAlias, Optional<String> tokenEndpoint) {
}
