package dev.recourse.ehr.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /auth/token} (form-encoded client credentials with a client assertion) and
 * {@code GET /fhir/.well-known/smart-configuration}.
 */
final class TokenServlet extends HttpServlet {
	private static final ObjectMapper JSON = new ObjectMapper();

	private final BackendServicesAuth auth;

	TokenServlet(BackendServicesAuth auth) {
		this.auth = auth;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Map<String, String> form = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
		BackendServicesAuth.TokenAnswer answer = auth.token(form);
		response.setHeader("Cache-Control", "no-store");
		writeJson(response, answer.status(), answer.body());
	}

	static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=utf-8");
		JSON.writeValue(response.getOutputStream(), body);
	}

	/** SMART's discovery document, naming the token endpoint and what it accepts. */
	static final class SmartConfiguration extends HttpServlet {
		private final Supplier<String> tokenUrl;

		SmartConfiguration(Supplier<String> tokenUrl) {
			this.tokenUrl = tokenUrl;
		}

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			writeJson(response, 200, Map.of(
					"token_endpoint", tokenUrl.get(),
					"grant_types_supported", new String[] {"client_credentials"},
					"token_endpoint_auth_methods_supported", new String[] {"private_key_jwt"},
					"token_endpoint_auth_signing_alg_values_supported", new String[] {"RS384", "ES384"},
					"scopes_supported", new String[] {"system/*.rs", "system/*.read"},
					"capabilities", new String[] {"client-confidential-asymmetric"}));
		}
	}
}
