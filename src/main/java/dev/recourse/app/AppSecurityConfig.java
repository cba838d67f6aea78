package dev.recourse.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The app's files are public (the data is not: the app reads it with the user's own token). An EHR shows the app in a
 * frame, so instead of {@code X-Frame-Options: DENY} the page says which EHR origins may frame it; scripts come only from
 * this server. The letter preview is HTML with inline styles in a sandboxed frame, the PDF a blob.
 */
@Configuration
class AppSecurityConfig {
	/** Before the API chain (which would ask for a bearer token) and the development issuer's. */
	private static final int APP_CHAIN_ORDER = 5;

	@Bean
	@Order(APP_CHAIN_ORDER)
	SecurityFilterChain appSecurity(HttpSecurity http, AppProperties settings) throws Exception {
		String policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
				+ "frame-src 'self' blob:; object-src 'self' blob:; connect-src *; base-uri 'self'; form-action 'self'; "
				+ "frame-ancestors " + String.join(" ", settings.frameAncestors());
		return http.securityMatcher(AppWebConfig.PATH, AppWebConfig.PATH + "/**")
				.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET).permitAll().anyRequest().denyAll())
				.headers(headers -> headers.frameOptions(frame -> frame.disable()).contentSecurityPolicy(csp -> csp.policyDirectives(policy)))
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.build();
	}
}
