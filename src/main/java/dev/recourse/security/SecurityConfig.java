package dev.recourse.security;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.server.FhirServerProperties;
import dev.recourse.submission.DecisionNoticeProperties;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The resource server: every request needs a valid bearer token except the capability statement, the
 * SMART configuration and the health probes. What the token allows is decided on the HAPI side
 * ({@link ScopeAuthorization}); this layer only establishes who is calling.
 */
@Configuration
class SecurityConfig {
	static final int API_CHAIN_ORDER = 10;

	/**
	 * The rest-hook payers post PAS decision notifications to: no token of our issuers (a payer holds the subscription's
	 * secret, which the receiver checks itself), POST only, no session, no CSRF (no ambient credential either).
	 */
	@Bean
	@Order(API_CHAIN_ORDER - 2)
	SecurityFilterChain payerNotificationSecurity(HttpSecurity http) throws Exception {
		String path = DecisionNoticeProperties.RECEIVER_PATH + "/*";
		return http.securityMatcher(path)
				.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, path).permitAll().anyRequest().denyAll())
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.build();
	}

	@Bean
	@Order(API_CHAIN_ORDER)
	SecurityFilterChain apiSecurity(
			HttpSecurity http,
			SecurityProperties settings,
			FhirServerProperties fhir,
			ObjectProvider<DevIssuer> devIssuer,
			SecurityErrors errors,
			Environment environment)
			throws Exception {
		if (!settings.enforced()) {
			return unenforced(http, environment);
		}
		TrustedIssuers issuers = new TrustedIssuers(
				settings, Optional.ofNullable(devIssuer.getIfAvailable()), new FhirBaseUrl(fhir.serverAddress()));
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.GET, "/fhir/metadata", "/fhir/.well-known/smart-configuration")
						.permitAll()
						.requestMatchers(HttpMethod.OPTIONS, "/fhir/**")
						.permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
						.permitAll()
						.anyRequest()
						.authenticated())
				.oauth2ResourceServer(resourceServer -> resourceServer
						.authenticationManagerResolver(issuers)
						.authenticationEntryPoint(errors)
						.accessDeniedHandler(errors))
				.exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
				.addFilterAfter(new CallerFilter(new CallerFactory(settings.payerClients())), BearerTokenAuthenticationFilter.class)
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				// Bearer tokens, never cookies: there is no ambient credential for a forged request to ride on.
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.cors(cors -> cors.configurationSource(cors(settings.corsAllowedOrigins())));
		return http.build();
	}

	/** The benchmark's baseline: the same server with no authentication, authorization or audit at all. */
	private static SecurityFilterChain unenforced(HttpSecurity http, Environment environment) throws Exception {
		if (!environment.matchesProfiles("dev-issuer")) {
			throw new IllegalStateException("recourse.security.enforce=false is only for benchmarking with the dev-issuer profile");
		}
		LoggerFactory.getLogger(SecurityConfig.class)
				.warn("recourse.security.enforce=false: NO authentication, authorization or audit; benchmark use only");
		return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.csrf(AbstractHttpConfigurer::disable)
				.build();
	}

	@Bean
	SecurityErrors securityErrors(FhirContext fhirContext, List<SecurityErrors.DeniedAccessListener> listeners) {
		return new SecurityErrors(fhirContext, listeners);
	}

	/** Only the configured origins, never a wildcard: browsers send the Authorization header cross-origin. */
	static CorsConfigurationSource cors(List<String> allowedOrigins) {
		if (allowedOrigins.contains("*")) {
			throw new IllegalStateException("recourse.security.cors-allowed-origins may not contain *: list the origins"
					+ " of the SMART app deployments instead");
		}
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(allowedOrigins);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Exist",
				"If-None-Match", "Prefer", "X-Request-ID", "Cache-Control"));
		cors.setExposedHeaders(List.of("Location", "ETag", "Last-Modified", "Content-Location", "X-Request-ID"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}
}
