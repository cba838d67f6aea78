package dev.recourse.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.recourse.common.ServerInterceptor;

import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The CapabilityStatement says the API is protected by SMART on FHIR and where the token endpoints are
 * (SMART App Launch's {@code oauth-uris} extension), mirroring {@code .well-known/smart-configuration}.
 */
@Interceptor
final class SmartCapabilities implements ServerInterceptor {
	static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
	private final SmartConfigurationServlet configuration;

	SmartCapabilities(SmartConfigurationServlet configuration) {
		this.configuration = configuration;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void declareSecurity(IBaseConformance generated, ServletRequestDetails request) {
		if (!(generated instanceof CapabilityStatement capabilities) || request == null || capabilities.getRest().isEmpty()) {
			return;
		}
		CapabilityStatementRestSecurityComponent security = capabilities.getRestFirstRep().getSecurity();
		security.setCors(true);
		security.addService().addCoding()
				.setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
				.setCode("SMART-on-FHIR");
		security.setDescription("OAuth 2 bearer tokens with SMART App Launch v1/v2 scopes; see .well-known/smart-configuration");
		Extension uris = security.addExtension().setUrl(OAUTH_URIS);
		Map<String, Object> smart = configuration.configuration(request.getServletRequest());
		addUri(uris, "token", smart.get("token_endpoint"));
		addUri(uris, "authorize", smart.get("authorization_endpoint"));
		addUri(uris, "introspect", smart.get("introspection_endpoint"));
	}

	private static void addUri(Extension uris, String name, Object value) {
		if (value != null) {
			uris.addExtension(name, new UriType(value.toString()));
		}
	}

}
