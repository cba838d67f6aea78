package dev.recourse.demo;

import dev.recourse.ehr.auth.EhrKeystoreProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo's clients of the development issuer (which takes every {@link RegisteredClient} bean): our own provider
 * side as a SMART Backend Services client (private_key_jwt, its public key served at {@link #JWKS_PATH}) for the demo
 * EHR and the demo payer, and the demo payer's reviewer (client secret) for {@code Claim/[id]/$decide}.
 */
@Configuration
@Conditional(DemoCondition.class)
class DemoClients {
	static final String JWKS_PATH = "/demo/jwks.json";
	/** The reviewer is a person pasting curl commands: an hour, as the development client's tokens. */
	private static final Duration REVIEWER_TOKEN_LIFETIME = Duration.ofHours(1);

	@Bean
	DemoJwks demoJwks(DemoClientProperties settings, EhrKeystoreProperties keystore) {
		return DemoJwks.read(keystore, settings.provider().keyAlias());
	}

	@Bean
	RegisteredClient demoProviderClient(DemoClientProperties settings, DemoJwks jwks) {
		DemoClientProperties.Provider provider = settings.provider();
		return RegisteredClient.withId(provider.clientId())
				.clientId(provider.clientId())
				.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(scopes -> scopes.addAll(provider.scopes()))
				.clientSettings(ClientSettings.builder()
						.jwkSetUrl(settings.baseUrl() + JWKS_PATH)
						.tokenEndpointAuthenticationSigningAlgorithm(jwks.algorithm())
						.build())
				.build();
	}

	@Bean
	RegisteredClient demoReviewerClient(DemoClientProperties settings) {
		DemoClientProperties.Reviewer reviewer = settings.reviewer();
		return RegisteredClient.withId(reviewer.clientId())
				.clientId(reviewer.clientId())
				.clientSecret("{noop}" + reviewer.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(scopes -> scopes.addAll(reviewer.scopes()))
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(REVIEWER_TOKEN_LIFETIME).build())
				.build();
	}

	/** The JWKS is public, as any client's registered public key: GET only, no token, no session. */
	@Bean
	@Order(7)
	SecurityFilterChain demoJwksSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(JWKS_PATH)
				.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, JWKS_PATH).permitAll().anyRequest().denyAll())
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.build();
	}
}
