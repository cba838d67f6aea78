package dev.recourse.ehr;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrProperties.ConfiguredEndpoint;
import dev.recourse.ehr.auth.BackendServicesRegistration;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UrlType;

/**
 * Endpoint resources ↔ connections (EHRs, and the payers {@code submission} sends to): the address, the connection
 * type and the backend-services extension.
 */
public final class EndpointMapping {
	static final String BACKEND_SERVICES = "http://recourse.dev/fhir/StructureDefinition/backend-services";
	static final String CONNECTION_TYPES = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";
	static final String FHIR_REST = "hl7-fhir-rest";

	private EndpointMapping() {
	}

	public static Endpoint toEndpoint(ConfiguredEndpoint configured) {
		Endpoint endpoint = new Endpoint();
		endpoint.setId(configured.id());
		endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
		endpoint.setConnectionType(new Coding(CONNECTION_TYPES, FHIR_REST, "HL7 FHIR"));
		endpoint.setName(blankToNull(configured.name()));
		endpoint.addPayloadType().setText("FHIR R4 resources");
		endpoint.addPayloadMimeType("application/fhir+json");
		endpoint.setAddress(configured.address());
		if (!isBlank(configured.clientId())) {
			Extension auth = endpoint.addExtension().setUrl(BACKEND_SERVICES);
			auth.addExtension("clientId", new StringType(configured.clientId()));
			auth.addExtension("scope", new StringType(configured.scope()));
			auth.addExtension("keyAlias", new StringType(configured.keyAlias()));
			if (!isBlank(configured.tokenEndpoint())) {
				auth.addExtension("tokenEndpoint", new UrlType(configured.tokenEndpoint()));
			}
		}
		return endpoint;
	}

	/** The connection an Endpoint describes; 422 naming the element when it cannot describe one. */
	public static EhrConnection toConnection(Endpoint endpoint) {
		if (endpoint.getStatus() != Endpoint.EndpointStatus.ACTIVE) {
			throw unusable("Endpoint.status", "is " + (endpoint.hasStatus() ? endpoint.getStatus().toCode() : "missing") + ", not active");
		}
		Coding type = endpoint.getConnectionType();
		if (!CONNECTION_TYPES.equals(type.getSystem()) || !FHIR_REST.equals(type.getCode())) {
			throw unusable("Endpoint.connectionType", "is not " + CONNECTION_TYPES + "#" + FHIR_REST);
		}
		if (!endpoint.hasAddress()) {
			throw unusable("Endpoint.address", "is missing");
		}
		return new EhrConnection(endpoint.getIdElement().getIdPart(), endpoint.getAddress(), registration(endpoint));
	}

	private static Optional<BackendServicesRegistration> registration(Endpoint endpoint) {
		Extension auth = endpoint.getExtensionByUrl(BACKEND_SERVICES);
		if (auth == null) {
			return Optional.empty();
		}
		return Optional.of(new BackendServicesRegistration(required(auth, "clientId"), required(auth, "scope"),
				required(auth, "keyAlias"), optional(auth, "tokenEndpoint")));
	}

	private static String required(Extension auth, String part) {
		return optional(auth, part).orElseThrow(() -> unusable(
				"Endpoint.extension('" + BACKEND_SERVICES + "').extension('" + part + "')", "is missing"));
	}

	private static Optional<String> optional(Extension auth, String part) {
		Extension found = auth.getExtensionByUrl(part);
		Type value = found == null ? null : found.getValue();
		return value == null || !value.isPrimitive() || isBlank(value.primitiveValue())
				? Optional.empty() : Optional.of(value.primitiveValue().trim());
	}

	private static RecourseException unusable(String element, String problem) {
		return new RecourseException(RecourseError.UNPROCESSABLE, element, "The Endpoint cannot be used: " + element + " " + problem);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return isBlank(value) ? null : value;
	}
}
