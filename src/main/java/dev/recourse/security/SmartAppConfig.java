package dev.recourse.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development issuer's side for people: the SMART app's client registration, the users who log in, the EHR
 * launches, and the login chain. That chain is the only one with a session and CSRF protection; the FHIR API's
 * stays stateless and bearer-only, so a login cookie never authorizes an API call.
 */
@Configuration
@Profile("dev-issuer")
class SmartAppConfig {
	static final String LOGIN_PATH = "/login";
	/** Before the API chain, which takes every request no other chain matched. */
	static final int LOGIN_CHAIN_ORDER = SecurityConfig.API_CHAIN_ORDER - 3;

	@Bean
	@Order(LOGIN_CHAIN_ORDER)
	SecurityFilterChain devLoginSecurity(HttpSecurity http, DevUsers users) throws Exception {
		// /default-ui.css styles Spring's generated login page; the launcher needs no login, as an EHR's button does not
		return http.securityMatcher(LOGIN_PATH, "/logout", "/default-ui.css", DevEhrLauncher.PATH)
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.userDetailsService(users.details())
				// without a saved authorization request to go back to, a login opens the app
				.formLogin(login -> login.defaultSuccessUrl(AppLocations.HOME_PATH))
				.build();
	}

	@Bean
	RegisteredClient smartAppClient(DevIssuerProperties settings) {
		return SmartAppClient.of(settings.app(), settings.tokenLifetime());
	}

	@Bean
	AppLocations appLocations(DevIssuerProperties settings) {
		return new AppLocations(settings.app().redirectUris());
	}

	@Bean
	LaunchContexts launchContexts() {
		return new LaunchContexts(Clock.systemUTC());
	}

	@Bean
	DevUsers devUsers(DevIssuerProperties settings) {
		return new DevUsers(settings.users());
	}

	@Bean
	SmartAuthorizationRequests smartAuthorizationRequests(DevIssuerProperties settings, AppLocations app,
			LaunchContexts launches, FhirBaseUrl fhirBase) {
		return new SmartAuthorizationRequests(settings.app().clientId(), app, launches, fhirBase);
	}
}
