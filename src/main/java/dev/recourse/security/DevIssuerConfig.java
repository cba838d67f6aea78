package dev.recourse.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OAuth 2 authorization server (Spring Authorization Server) inside the embedded default, so the
 * README's run command works with real signed tokens: a confidential client may use the
 * {@code client_credentials} grant at {@code /oauth2/token}. Its keys are made at start-up and never
 * leave the process, so tokens do not outlive a restart.
 */
@Configuration
@Profile("dev-issuer")
class DevIssuerConfig {

	@Bean
	@Order(SecurityConfig.API_CHAIN_ORDER - 1)
	SecurityFilterChain devIssuerSecurity(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
				.with(authorizationServer, Customizer.withDefaults())
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
		return http.build();
	}

	@Bean
	DevIssuerGuard devIssuerGuard(DevIssuerProperties settings, @Value("${spring.datasource.url:}") String databaseUrl) {
		return new DevIssuerGuard(settings, databaseUrl);
	}

	/** The configured client, plus every other {@link RegisteredClient} bean (e.g. the demo's, in {@code demo/}). */
	@Bean
	RegisteredClientRepository devClients(DevIssuerProperties settings, DevIssuerGuard guard, ObjectProvider<RegisteredClient> others) {
		guard.check();
		RegisteredClient client = RegisteredClient.withId(settings.clientId())
				.clientId(settings.clientId())
				.clientSecret("{noop}" + settings.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(scopes -> scopes.addAll(settings.scopes()))
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.tokenLifetime()).build())
				.build();
		List<RegisteredClient> clients = new ArrayList<>(List.of(client));
		others.orderedStream().forEach(clients::add);
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
	DevIssuer devIssuer(DevIssuerProperties settings) {
		JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(signingKey()));
		return new DevIssuer() {
			@Override
			public String issuer(HttpServletRequest request) {
				return settings.issuer().isEmpty() ? FhirBaseUrl.serverRoot(request) : settings.issuer();
			}

			@Override
			public JWKSource<SecurityContext> keys() {
				return keys;
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> devIssuerKeys(DevIssuer issuer) {
		return issuer.keys();
	}

	/** SMART access tokens: the FHIR base URL as audience, scopes as one space-separated string, the client id. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> smartAccessTokens() {
		return context -> {
			String issuer = AuthorizationServerContextHolder.getContext().getIssuer();
			context.getClaims()
					.audience(List.of(issuer + FhirBaseUrl.FHIR_PATH))
					.claim("client_id", context.getRegisteredClient().getClientId())
					.claim("scope", String.join(" ", context.getAuthorizedScopes()));
		};
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
