package dev.recourse.ehr.client;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.client.api.IHttpRequest;

/**
 * Adds the access token of the call running on this thread. The token is chosen per call, not per
 * client, so that after a 401 the retry goes out with the fresh one and the refused one can be named.
 */
final class BearerHeader {
	private final ThreadLocal<String> current = new ThreadLocal<>();

	void set(String token) {
		current.set(token);
	}

	void clear() {
		current.remove();
	}

	@Hook(Pointcut.CLIENT_REQUEST)
	public void onRequest(IHttpRequest request) {
		String token = current.get();
		if (token != null) {
			request.removeHeaders("Authorization");
			request.addHeader("Authorization", "Bearer " + token);
		}
	}
}
