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
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;

/**
 * Requests to a payer: PAS {@code POST [base]/Claim/$submit} and {@code Claim/$inquire}, the Bundle as the body,
 * {@code POST [base]/Subscription} for its decision notifications, and CDex {@code POST [base]/$submit-attachment}.
 * One request per call, never retried here (the outbox decides), never redirected (a redirect would leave the
 * address the outbound policy checked); each failure is sorted by whether the payer may have received the request.
 */
@Component
public class PayerClient {
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
		return post(new Call(payer, "Claim/$submit", Bundle.class), packet);
	}

	PayerAnswer inquire(EhrConnection payer, Bundle inquiry) {
		return post(new Call(payer, "Claim/$inquire", Bundle.class), inquiry);
	}

	/** {@code POST [base]/Subscription}; answered with the created Subscription (its id, from the body or Location). */
	PayerAnswer subscribe(EhrConnection payer, Subscription subscription) {
		return post(new Call(payer, "Subscription", Subscription.class), subscription);
	}

	/** CDex {@code $submit-attachment}: a 2xx answer is the payer's OperationOutcome, or an empty one when it sends no body. */
	public PayerAnswer submitAttachment(EhrConnection payer, Parameters attachments) {
		return post(new Call(payer, "$submit-attachment", OperationOutcome.class), attachments);
	}

	/** One request: where it goes and what a 2xx answer must be. */
	private record Call(EhrConnection payer, String path, Class<? extends Resource> answerType) {
	}

	private PayerAnswer post(Call call, Resource body) {
		String url = call.payer().baseUrl() + "/" + call.path();
		outbound.check(url, "Endpoint.address");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.readTimeout())
				.header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(body)));
		String token = null;
		try {
			if (call.payer().auth().isPresent()) {
				token = tokens.accessToken(call.payer());
				request.header("Authorization", "Bearer " + token);
			}
		} catch (RuntimeException noToken) {
			return PayerAnswer.of(PayerAnswer.Kind.NOT_DELIVERED, "could not authenticate at the payer: " + noToken.getMessage());
		}
		return send(call, request.build(), token);
	}

	private PayerAnswer send(Call call, HttpRequest request, String token) {
		String operation = call.path();
		try {
			return answer(call, http.send(request, HttpResponse.BodyHandlers.ofString()), token);
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

	private PayerAnswer answer(Call call, HttpResponse<String> response, String token) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return parsed(call, response);
		}
		if (status == 401 && token != null) {
			tokens.rejected(call.payer(), token);
		}
		String reason = "the payer answered " + call.path() + " with HTTP " + status;
		if (status == 401 || status == 408 || status == 429) {
			return PayerAnswer.of(PayerAnswer.Kind.NOT_DELIVERED, reason);
		}
		return PayerAnswer.of(status >= 500 ? PayerAnswer.Kind.UNKNOWN : PayerAnswer.Kind.REFUSED, reason);
	}

	private PayerAnswer parsed(Call call, HttpResponse<String> response) {
		IBaseResource resource;
		try {
			resource = response.body().isBlank() ? null : fhirContext.newJsonParser().parseResource(response.body());
		} catch (DataFormatException notFhir) {
			resource = null;
		}
		if (call.answerType() == OperationOutcome.class && resource == null && response.body().isBlank()) {
			return PayerAnswer.answered(new OperationOutcome());
		}
		Optional<String> location = response.headers().firstValue("Location");
		if (call.answerType() == Subscription.class && !(resource instanceof Subscription) && location.isPresent()) {
			// a server answering with no body or an OperationOutcome (Prefer: return=minimal | OperationOutcome, HAPI's
			// default) names what it created only in Location
			Subscription created = new Subscription();
			created.setIdElement(new IdType(location.get()).toUnqualifiedVersionless());
			return PayerAnswer.answered(created);
		}
		if (call.answerType() == Bundle.class && resource instanceof Parameters parameters) {
			return PayerAnswer.answered(returnedBundle(parameters));
		}
		if (call.answerType().isInstance(resource)) {
			return PayerAnswer.answered((Resource) resource);
		}
		return PayerAnswer.of(PayerAnswer.Kind.UNKNOWN, "the payer answered " + call.path() + " with HTTP " + response.statusCode()
				+ " but no " + call.answerType().getSimpleName());
	}

	/**
	 * PAS 2.2.1 answers {@code $inquire} with a Parameters of 0..* {@code return} Bundles (earlier versions, and the
	 * body of {@code $submit}, are the Bundle itself): the first one; none means the payer has no such request — an
	 * empty Bundle, no ClaimResponse.
	 */
	private static Bundle returnedBundle(Parameters parameters) {
		return parameters.getParameter().stream()
				.filter(parameter -> "return".equals(parameter.getName()) && parameter.getResource() instanceof Bundle)
				.map(parameter -> (Bundle) parameter.getResource()).findFirst()
				.orElseGet(() -> new Bundle().setType(Bundle.BundleType.COLLECTION));
	}
}
