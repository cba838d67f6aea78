package dev.recourse.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import dev.recourse.common.ServerInterceptor;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.springframework.stereotype.Component;

/** The CapabilityStatement HAPI generates names Recourse and the published CapabilityStatement it implements. */
@Component
@Interceptor
public class CapabilityStatementInterceptor implements ServerInterceptor {
	static final String RECOURSE_SERVER = "http://recourse.dev/fhir/CapabilityStatement/recourse-server";

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void declareInstantiates(IBaseConformance generated) {
		if (generated instanceof CapabilityStatement capabilities) {
			capabilities.addInstantiates(RECOURSE_SERVER);
			capabilities.setName("Recourse");
			capabilities.setTitle("Recourse FHIR server");
			capabilities.setPublisher("Recourse");
		}
	}
}
