package dev.recourse.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The development token issuer running inside this server (Spring Authorization Server): its issuer
 * URL as a caller sees it, its signing keys, which never leave the process, and its clients, whose grants,
 * authentication methods and scopes are what the SMART configuration advertises.
 */
interface DevIssuer {
	String issuer(HttpServletRequest request);

	JWKSource<SecurityContext> keys();

	List<RegisteredClient> clients();
}
