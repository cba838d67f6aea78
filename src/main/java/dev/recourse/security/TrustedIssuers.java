package dev.recourse.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Picks how a bearer token is checked: a JWT by the issuer it names (only configured issuers and the
 * development issuer are trusted; the signature, {@code iss}, {@code aud}, {@code exp} and {@code nbf} are
 * all checked), anything else by token introspection when configured. The unverified {@code iss} only
 * selects the keys; it grants nothing by itself.
 */
final class TrustedIssuers implements AuthenticationManagerResolver<HttpServletRequest> {
	private static final AuthenticationManager UNTRUSTED = authentication -> {
		throw new InvalidBearerTokenException("The token's issuer is not trusted by this server");
	};
	private static final AuthenticationManager MALFORMED = authentication -> {
		throw new InvalidBearerTokenException("The bearer token is neither a signed JWT nor an introspectable token");
	};

	private final SecurityProperties settings;
	private final Optional<DevIssuer> devIssuer;
	private final FhirBaseUrl fhirBase;
	private final BearerTokenResolver tokens = new DefaultBearerTokenResolver();
	private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
	private final AuthenticationManager introspection;

	TrustedIssuers(SecurityProperties settings, Optional<DevIssuer> devIssuer, FhirBaseUrl fhirBase) {
		this.settings = settings;
		this.devIssuer = devIssuer;
		this.fhirBase = fhirBase;
		this.introspection = settings.introspection().configured() ? introspection(settings.introspection()) : MALFORMED;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		String token = tokens.resolve(request);
		if (token == null) {
			return MALFORMED;
		}
		Optional<String> issuer = unverifiedIssuer(token);
		if (issuer.isEmpty()) {
			return looksLikeJwt(token) ? MALFORMED : introspection;
		}
		List<String> audiences = List.of(fhirBase.of(request));
		String iss = issuer.get();
		for (SecurityProperties.Issuer configured : settings.issuers()) {
			if (configured.issuer().equals(iss)) {
				List<String> accepted = configured.audiences().isEmpty() ? audiences : configured.audiences();
				return managers.computeIfAbsent(key(iss, accepted), key -> jwtManager(
						NimbusJwtDecoder.withJwkSetUri(configured.jwkSetUri()).build(), iss, accepted));
			}
		}
		if (devIssuer.isPresent() && devIssuer.get().issuer(request).equals(iss)) {
			JWKSource<SecurityContext> keys = devIssuer.get().keys();
			return managers.computeIfAbsent(key(iss, audiences), key -> jwtManager(
					devDecoder(keys), iss, audiences));
		}
		return UNTRUSTED;
	}

	private AuthenticationManager jwtManager(NimbusJwtDecoder decoder, String issuer, List<String> audiences) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(settings.clockSkew()));
		validators.add(new JwtIssuerValidator(issuer));
		validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
		validators.add(new JwtClaimValidator<List<String>>(
				JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return new JwtAuthenticationProvider(decoder)::authenticate;
	}

	private static AuthenticationManager introspection(SecurityProperties.Introspection settings) {
		SpringOpaqueTokenIntrospector introspector = SpringOpaqueTokenIntrospector.withIntrospectionUri(settings.uri())
				.clientId(settings.clientId())
				.clientSecret(settings.clientSecret())
				.build();
		return new OpaqueTokenAuthenticationProvider(introspector)::authenticate;
	}

	private static NimbusJwtDecoder devDecoder(JWKSource<SecurityContext> keys) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
		// the claims are checked by Spring's validators in jwtManager, as for every other issuer
		processor.setJWTClaimsSetVerifier((claims, context) -> {});
		return new NimbusJwtDecoder(processor);
	}

	private static Optional<String> unverifiedIssuer(String token) {
		if (!looksLikeJwt(token)) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
		} catch (ParseException malformed) {
			return Optional.empty();
		}
	}

	private static boolean looksLikeJwt(String token) {
		return token.chars().filter(c -> c == '.').count() == 2;
	}

	private static String key(String issuer, List<String> audiences) {
		return issuer + " " + String.join(" ", audiences);
	}
}
