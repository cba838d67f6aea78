package dev.recourse.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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

	private final Map<String, ConfiguredIssuer> configured = new HashMap<>();
	private final Optional<DevIssuer> devIssuer;
	private final Optional<JwtAuthenticationProvider> devTokens;
	private final FhirBaseUrl fhirBase;
	private final BearerTokenResolver tokens = new DefaultBearerTokenResolver();
	private final AuthenticationManager introspection;

	TrustedIssuers(SecurityProperties settings, Optional<DevIssuer> devIssuer, FhirBaseUrl fhirBase) {
		for (SecurityProperties.Issuer issuer : settings.issuers()) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
			configured.put(issuer.issuer(), new ConfiguredIssuer(
					provider(decoder, settings.clockSkew(), new JwtIssuerValidator(issuer.issuer())), issuer.audiences()));
		}
		this.devIssuer = devIssuer;
		// the development issuer's URL is the request's own, so its iss is matched per request in resolve()
		this.devTokens = devIssuer.map(dev -> provider(devDecoder(dev.keys()), settings.clockSkew()));
		this.fhirBase = fhirBase;
		this.introspection = settings.introspection().configured() ? introspection(settings.introspection()) : MALFORMED;
	}

	/**
	 * One check per issuer, made once: what varies with the request (the audience, the development
	 * issuer's URL) is compared after decoding, so no Host header a caller sends can grow a cache.
	 */
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
		List<String> thisServer = List.of(fhirBase.of(request));
		ConfiguredIssuer known = configured.get(issuer.get());
		if (known != null) {
			return forAudience(known.tokens(), known.audiences().isEmpty() ? thisServer : known.audiences());
		}
		if (devTokens.isPresent() && devIssuer.get().issuer(request).equals(issuer.get())) {
			return forAudience(devTokens.get(), thisServer);
		}
		return UNTRUSTED;
	}

	private static AuthenticationManager forAudience(JwtAuthenticationProvider tokens, List<String> accepted) {
		return authentication -> {
			Authentication authenticated = tokens.authenticate(authentication);
			List<String> audience = ((JwtAuthenticationToken) authenticated).getToken().getAudience();
			if (audience == null || audience.stream().noneMatch(accepted::contains)) {
				throw new InvalidBearerTokenException("The token's audience (aud) does not name this server's FHIR base URL");
			}
			return authenticated;
		};
	}

	@SafeVarargs
	private static JwtAuthenticationProvider provider(
			NimbusJwtDecoder decoder, Duration clockSkew, OAuth2TokenValidator<Jwt>... more) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(more));
		validators.add(new JwtTimestampValidator(clockSkew));
		validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return new JwtAuthenticationProvider(decoder);
	}

	/** @param audiences accepted {@code aud} values; empty means this server's FHIR base URL */
	private record ConfiguredIssuer(JwtAuthenticationProvider tokens, List<String> audiences) {}

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
		// the claims are checked by Spring's validators in provider(), as for every other issuer
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

}
