package dev.recourse.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.recourse.server.FhirServerProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OAuth 2 authorization server (Spring Authorization Server) inside the embedded default, so the
 * README's run command works with real signed tokens: the confidential client {@code recourse-dev} uses the
 * {@code client_credentials} grant, the SMART app ({@link SmartAppConfig}) the authorization code grant with
 * PKCE and OpenID Connect. Its keys are made at start-up and never leave the process, so tokens do not outlive
 * a restart.
 */
@Configuration
@Profile("dev-issuer")
class DevIssuerConfig {

	@Bean
	@Order(SecurityConfig.API_CHAIN_ORDER - 1)
	SecurityFilterChain devIssuerSecurity(HttpSecurity http, DevIssuer issuer, SmartAuthorizationRequests requests,
			SecurityProperties security) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
		OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponses = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
		tokenResponses.setAccessTokenResponseCustomizer(new SmartTokenResponse());
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
				.with(authorizationServer, server -> server
						.oidc(oidc -> {})
						.clientAuthentication(clients -> clients.authenticationConverter(new MissingCodeVerifier()))
						.authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.stream()
								.filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
								.map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
								.forEach(codes -> codes.setAuthenticationValidator(requests))))
						.tokenEndpoint(token -> token.accessTokenResponseHandler(tokenResponses)))
				.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
				// a browser that is not logged in goes to the login form and comes back (the session keeps the request)
				.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint(SmartAppConfig.LOGIN_PATH), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
				// OpenID Connect's userinfo endpoint takes the issuer's own access tokens
				.oauth2ResourceServer(resourceServer -> resourceServer.jwt(
						jwt -> jwt.decoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(issuer.keys()))))
				// an app served from another origin (a development server) posts to the token endpoint
				.cors(cors -> cors.configurationSource(SecurityConfig.cors(security.corsAllowedOrigins())))
				.csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
		return http.build();
	}

	@Bean
	DevIssuerGuard devIssuerGuard(DevIssuerProperties settings, @Value("${spring.datasource.url:}") String databaseUrl) {
		return new DevIssuerGuard(settings, databaseUrl);
	}

	/** Scripts and benchmarks: a shared secret and the client_credentials grant. */
	@Bean
	RegisteredClient devConfidentialClient(DevIssuerProperties settings) {
		return RegisteredClient.withId(settings.clientId())
				.clientId(settings.clientId())
				.clientSecret("{noop}" + settings.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(scopes -> scopes.addAll(settings.scopes()))
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.tokenLifetime()).build())
				.build();
	}

	/**
	 * Every client registered as a bean: the two here and whatever else the context contributes (the demo adds a
	 * client of its own), so no one edits this list to add one.
	 */
	@Bean
	RegisteredClientRepository devClients(List<RegisteredClient> clients, DevIssuerGuard guard) {
		guard.check();
		return new InMemoryRegisteredClientRepository(clients);
	}

	@Bean
	AuthorizationServerSettings devIssuerSettings(DevIssuerProperties settings) {
		AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
		if (!settings.issuer().isEmpty()) {
			builder.issuer(settings.issuer());
		}
		return builder.build();
	}

	@Bean
	DevIssuer devIssuer(DevIssuerProperties settings, List<RegisteredClient> clients) {
		JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(signingKey()));
		List<RegisteredClient> registered = List.copyOf(clients);
		return new DevIssuer() {
			@Override
			public String issuer(HttpServletRequest request) {
				return settings.issuer().isEmpty() ? FhirBaseUrl.serverRoot(request) : settings.issuer();
			}

			@Override
			public JWKSource<SecurityContext> keys() {
				return keys;
			}

			@Override
			public List<RegisteredClient> clients() {
				return registered;
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> devIssuerKeys(DevIssuer issuer) {
		return issuer.keys();
	}

	/** The FHIR base the issuer's tokens, authorization requests and EHR launches name. */
	@Bean
	FhirBaseUrl devIssuerFhirBase(FhirServerProperties fhir) {
		return new FhirBaseUrl(fhir.serverAddress());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> smartTokenClaims(DevUsers users, LaunchContexts launches, FhirBaseUrl fhirBase) {
		return new SmartTokenClaims(users, launches, fhirBase);
	}

	private static RSAKey signingKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var keyPair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
					.privateKey((RSAPrivateKey) keyPair.getPrivate())
					.keyID(UUID.randomUUID().toString())
					.build();
		} catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("RSA is part of every JDK", impossible);
		}
	}
}
