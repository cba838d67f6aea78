package dev.recourse.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the SMART configuration under the FHIR base, where HAPI's servlet would otherwise answer 404. */
@Configuration
class SmartConfigurationEndpoint {

	@Bean
	SmartConfigurationServlet smartConfigurationServlet(
			SecurityProperties settings, ObjectProvider<DevIssuer> devIssuer, ObjectMapper json) {
		return new SmartConfigurationServlet(settings.smart(), Optional.ofNullable(devIssuer.getIfAvailable()), json);
	}

	@Bean
	ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(SmartConfigurationServlet servlet) {
		ServletRegistrationBean<SmartConfigurationServlet> registration =
				new ServletRegistrationBean<>(servlet, SmartConfigurationServlet.PATH);
		registration.setName("smart-configuration");
		return registration;
	}

	@Bean
	SmartCapabilities smartCapabilities(SmartConfigurationServlet servlet) {
		return new SmartCapabilities(servlet);
	}
}
