package dev.recourse.server;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IServerAddressStrategy;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.context.FhirContext;
import dev.recourse.common.RequestLimitsFilter;
import dev.recourse.common.OperationProvider;
import dev.recourse.common.RequestLimits;
import dev.recourse.common.ServerInterceptor;
import dev.recourse.common.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The FHIR REST endpoint at {@code /fhir}: HAPI's resource providers for every resource type, the
 * system provider, and our operation providers and interceptors, registered by type, never by name.
 */
@Configuration
class FhirEndpointConfig {
	static final String FHIR_PATH = "/fhir";

	/**
	 * HAPI strips the version from every reference it parses or stores; a submission's {@code Task.focus} names the
	 * packet version that was (or will be) sent, which a later {@code $assemble} must not silently replace.
	 */
	static void keepVersionedReferences(FhirContext fhirContext) {
		java.util.Set<String> paths = new java.util.HashSet<>(fhirContext.getParserOptions().getDontStripVersionsFromReferencesAtPaths());
		paths.add("Task.focus");
		fhirContext.getParserOptions().setDontStripVersionsFromReferencesAtPaths(paths);
	}

	@Bean
	RestfulServer restfulServer(
			JpaParts jpa,
			CapabilityStatementFactory capabilityStatements,
			EndpointSettings settings,
			ServerExtensions extensions) {
		RestfulServer server = new RestfulServer(jpa.systemDao().getContext());
		server.getFhirContext().setNarrativeGenerator(new NullNarrativeGenerator());
		keepVersionedReferences(server.getFhirContext());
		server.setServerName("Recourse");
		server.setServerVersion(capabilityStatements.version());
		server.setImplementationDescription("Recourse: denials, exceptions and appeals over FHIR");
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		jpa.pagingProvider().setDefaultPageSize(settings.limits().defaultPageSize());
		jpa.pagingProvider().setMaximumPageSize(settings.limits().maxPageSize());
		Searches.servePagesOf(settings.limits().maxPageSize());
		server.setPagingProvider(jpa.pagingProvider());
		server.setServerAddressStrategy(addressStrategy(settings.server()));
		server.registerProviders(jpa.resourceProviders().createProviders());
		server.registerProvider(jpa.systemProvider());
		extensions.operations().orderedStream().forEach(server::registerProvider);
		extensions.interceptors().orderedStream().forEach(server::registerInterceptor);
		extensions.storageInterceptors().orderedStream().forEach(extensions.storage()::registerInterceptor);
		server.setServerConformanceProvider(capabilityStatements.create(server, jpa.systemDao()));
		return server;
	}

	@Bean
	JpaParts jpaParts(
			IFhirSystemDao<?, ?> systemDao,
			JpaSystemProvider<?, ?> systemProvider,
			ResourceProviderFactory resourceProviders,
			DatabaseBackedPagingProvider pagingProvider) {
		return new JpaParts(systemDao, systemProvider, resourceProviders, pagingProvider);
	}

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer server) {
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, FHIR_PATH + "/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(RequestLimits limits, FhirContext fhirContext) {
		FilterRegistrationBean<RequestLimitsFilter> registration =
				new FilterRegistrationBean<>(new RequestLimitsFilter(limits, fhirContext));
		registration.addUrlPatterns(FHIR_PATH + "/*");
		return registration;
	}

	private static IServerAddressStrategy addressStrategy(FhirServerProperties settings) {
		return settings.serverAddress().isEmpty()
				? new IncomingRequestAddressStrategy()
				: new HardcodedServerAddressStrategy(settings.serverAddress());
	}

	/** The endpoint's own settings and the request limits it enforces. */
	@Component
	record EndpointSettings(FhirServerProperties server, RequestLimits limits) {}

	/** Our operation providers and interceptors, found by type, and where storage interceptors go. */
	@Component
	record ServerExtensions(
			ObjectProvider<OperationProvider> operations,
			ObjectProvider<ServerInterceptor> interceptors,
			ObjectProvider<StorageInterceptor> storageInterceptors,
			IInterceptorService storage) {}

	/** What HAPI's JPA layer contributes to the endpoint. */
	record JpaParts(
			IFhirSystemDao<?, ?> systemDao,
			JpaSystemProvider<?, ?> systemProvider,
			ResourceProviderFactory resourceProviders,
			DatabaseBackedPagingProvider pagingProvider) {}
}
