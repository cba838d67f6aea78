package dev.recourse.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** Turns the authenticated token into a {@link Caller} request attribute, for the HAPI side to read. */
final class CallerFilter extends OncePerRequestFilter {
	private final CallerFactory callers;

	CallerFilter(CallerFactory callers) {
		this.callers = callers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, Object> claims = claims(SecurityContextHolder.getContext().getAuthentication());
		if (claims != null) {
			request.setAttribute(Caller.REQUEST_ATTRIBUTE, callers.fromClaims(claims));
		}
		chain.doFilter(request, response);
	}

	private static Map<String, Object> claims(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken jwt) {
			return jwt.getToken().getClaims();
		}
		if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal) {
			return principal.getAttributes();
		}
		return null;
	}
}
