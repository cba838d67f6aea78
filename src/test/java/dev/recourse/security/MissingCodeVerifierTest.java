package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

class MissingCodeVerifierTest {
	private final MissingCodeVerifier converter = new MissingCodeVerifier();

	@Test
	void publicClientsCodeExchange_withoutVerifier_isTakenAsAPublicClient() {
		OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) converter.convert(exchange());

		assertThat(client.getPrincipal()).isEqualTo("recourse-app");
		assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
		assertThat(client.getAdditionalParameters()).containsEntry("code", "abc").containsEntry("grant_type", "authorization_code")
				.doesNotContainKey("client_id");
	}

	@Test
	void anyClientCredentialOrAVerifier_isLeftToSpring() {
		MockHttpServletRequest withVerifier = exchange();
		withVerifier.addParameter("code_verifier", "v");
		MockHttpServletRequest withSecret = exchange();
		withSecret.addParameter("client_secret", "s");
		MockHttpServletRequest withBasic = exchange();
		withBasic.addHeader("Authorization", "Basic cmVjb3Vyc2UtZGV2OnNlY3JldA==");
		MockHttpServletRequest withAssertion = exchange();
		withAssertion.addParameter("client_assertion", "jwt");
		MockHttpServletRequest twoCodes = exchange();
		twoCodes.addParameter("code", "def");
		MockHttpServletRequest clientCredentials = exchange();
		clientCredentials.setParameter("grant_type", "client_credentials");

		for (MockHttpServletRequest request : new MockHttpServletRequest[] {withVerifier, withSecret, withBasic, withAssertion,
				twoCodes, clientCredentials}) {
			assertThat(converter.convert(request)).isNull();
		}
	}

	private static MockHttpServletRequest exchange() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "authorization_code");
		request.addParameter("code", "abc");
		request.addParameter("redirect_uri", "http://localhost:8080/app/");
		request.addParameter("client_id", "recourse-app");
		return request;
	}
}
