package dev.recourse.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The development token issuer running inside this server (Spring Authorization Server): its issuer
 * URL as a caller sees it and its signing keys, which never leave the process.
 */
interface DevIssuer {
	String issuer(HttpServletRequest request);

	JWKSource<SecurityContext> keys();
}
