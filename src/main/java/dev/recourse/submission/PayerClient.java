package dev.recourse.submission;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.ehr.auth.EhrAccessTokens;
import dev.recourse.security.guard.OutboundUrlPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/**
 * PAS requests to a payer: {@code POST [base]/Claim/$submit} and {@code Claim/$inquire}, the Bundle as the body.
 * One request per call, never retried here (the outbox decides), never redirected (a redirect would leave the
 * address the outbound policy checked); each failure is sorted by whether the payer may have received the request.
 */
@Component
class PayerClient {
	private static final String FHIR_JSON = "application/fhir+json";
	private final HttpClient http;
	private final SubmissionProperties settings;
	private final EhrAccessTokens tokens;
	private final OutboundUrlPolicy outbound;
	private final FhirContext fhirContext;

	PayerClient(SubmissionProperties settings, EhrAccessTokens tokens, OutboundUrlPolicy outbound, FhirContext fhirContext) {
		this.settings = settings;
		this.tokens = tokens;
		this.outbound = outbound;
		this.fhirContext = fhirContext;
		this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	PayerAnswer submit(EhrConnection payer, Bundle packet) {
		return post(payer, "Claim/$submit", packet);
	}

	PayerAnswer inquire(EhrConnection payer, Bundle inquiry) {
		return post(payer, "Claim/$inquire", inquiry);
	}

	private PayerAnswer post(EhrConnection payer, String operation, Bundle body) {
		String url = payer.baseUrl() + "/" + operation;
		outbound.check(url, "Endpoint.address");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.readTimeout())
				.header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(body)));
		String token = null;
		try {
			if (payer.auth().isPresent()) {
				token = tokens.accessToken(payer);
				request.header("Authorization", "Bearer " + token);
			}
		} catch (RuntimeException noToken) {
			return PayerAnswer.of(PayerAnswer.Kind.NOT_DELIVERED, "could not authenticate at the payer: " + noToken.getMessage());
		}
		try {
			return answer(operation, http.send(request.build(), HttpResponse.BodyHandlers.ofString()), payer, token);
		} catch (HttpConnectTimeoutException | ConnectException notConnected) {
			return PayerAnswer.of(PayerAnswer.Kind.NOT_DELIVERED, "the payer could not be reached (" + operation + ")");
		} catch (IOException lost) {
			return PayerAnswer.of(PayerAnswer.Kind.UNKNOWN, "the connection to the payer was lost before its answer (" + operation + ": "
					+ lost.getClass().getSimpleName() + ")");
		} catch (IllegalArgumentException notConnected) {
			return PayerAnswer.of(PayerAnswer.Kind.NOT_DELIVERED, "the payer's address cannot be reached (" + operation + ")");
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return PayerAnswer.of(PayerAnswer.Kind.UNKNOWN, "interrupted while waiting for the payer (" + operation + ")");
		}
	}

	/**
	 * The PAS Bundle of an answer: the body itself ({@code $submit}; {@code $inquire} before PAS 2.2), or, from a
	 * Parameters body (PAS 2.2.1 {@code $inquire}: {@code return} 0..*, each an inquiry response Bundle), the first
	 * {@code return} — none means the payer has no such request: an empty Bundle, no ClaimResponse.
	 */
	private Optional<Bundle> pasBundle(String body) {
		IBaseResource resource;
		try {
			resource = fhirContext.newJsonParser().parseResource(body);
		} catch (DataFormatException notFhir) {
			return Optional.empty();
		}
		if (resource instanceof Bundle bundle) {
			return Optional.of(bundle);
		}
		if (resource instanceof Parameters parameters) {
			return Optional.of(parameters.getParameter().stream()
					.filter(parameter -> "return".equals(parameter.getName()) && parameter.getResource() instanceof Bundle)
					.map(parameter -> (Bundle) parameter.getResource()).findFirst()
					.orElseGet(() -> new Bundle().setType(Bundle.BundleType.COLLECTION)));
		}
		return Optional.empty();
	}

	private PayerAnswer answer(String operation, HttpResponse<String> response, EhrConnection payer, String token) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return pasBundle(response.body()).map(PayerAnswer::answered).orElseGet(() -> PayerAnswer.of(PayerAnswer.Kind.UNKNOWN,
					"the payer answered " + operation + " with HTTP " + status + " but no PAS Bundle"));
		}
		if (status == 401 && token != null) {
			tokens.rejected(payer, token);
		}
		String reason = "the payer answered " + operation + " with HTTP " + status;
		if (status == 401 || status == 408 || status == 429) {
			return PayerAnswer.of(PayerAnswer.Kind.NOT_DELIVERED, reason);
		}
		return PayerAnswer.of(status >= 500 ? PayerAnswer.Kind.UNKNOWN : PayerAnswer.Kind.REFUSED, reason);
	}
}
