package dev.recourse.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/**
 * SMART's launch context in the token response: {@code patient} (the app shows that patient) and
 * {@code need_patient_banner: false} (the EHR around it already shows who the patient is), taken from the access
 * token just minted so that the response and the token cannot disagree.
 */
final class SmartTokenResponse implements Consumer<OAuth2AccessTokenAuthenticationContext> {

	@Override
	public void accept(OAuth2AccessTokenAuthenticationContext context) {
		OAuth2AccessTokenAuthenticationToken issued = context.getAuthentication();
		patient(issued.getAccessToken().getTokenValue()).ifPresent(patient -> {
			Map<String, Object> parameters = new HashMap<>(issued.getAdditionalParameters());
			parameters.put(SmartTokenClaims.PATIENT, patient);
			parameters.put("need_patient_banner", false);
			context.getAccessTokenResponse().additionalParameters(parameters);
		});
	}

	private static Optional<String> patient(String accessToken) {
		try {
			return Optional.ofNullable(JWTParser.parse(accessToken).getJWTClaimsSet().getStringClaim(SmartTokenClaims.PATIENT));
		} catch (ParseException notOurJwt) {
			return Optional.empty();
		}
	}
}
