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
	ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(
			SecurityProperties settings, ObjectProvider<DevIssuer> devIssuer, ObjectMapper json) {
		ServletRegistrationBean<SmartConfigurationServlet> registration = new ServletRegistrationBean<>(
				new SmartConfigurationServlet(settings.smart(), Optional.ofNullable(devIssuer.getIfAvailable()), json),
				SmartConfigurationServlet.PATH);
		registration.setName("smart-configuration");
		return registration;
	}
}
