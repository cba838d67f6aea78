package dev.recourse.ehr;

import dev.recourse.ehr.auth.BackendServicesRegistration;
import java.util.Optional;

/**
 * One EHR this server may read from: an Endpoint resource's id and address, and how to authenticate there.
 *
 * @param endpointId the id of the Endpoint resource in our store
 * @param baseUrl the FHIR base URL (Endpoint.address), without a trailing slash
 * @param auth SMART Backend Services registration, or empty for an EHR that asks for no token
 */
public record EhrConnection(String endpointId, String baseUrl, Optional<BackendServicesRegistration> auth) {
	public EhrConnection {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}
}
