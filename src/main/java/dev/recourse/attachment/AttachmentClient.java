package dev.recourse.attachment;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.ehr.auth.EhrAccessTokens;
import dev.recourse.security.guard.OutboundUrlPolicy;
import dev.recourse.submission.SubmissionProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/**
 * CDex {@code POST [payer base]/$submit-attachment} to a configured payer, with the payer's token as submission gets
 * it, never redirected (a redirect would leave the address the outbound policy checked). Not retried: a failure is
 * the caller's answer (502 when the payer could not be reached or failed, 422 when it refused the documents).
 */
@Component
class AttachmentClient {
	private static final String FHIR_JSON = "application/fhir+json";
	private final HttpClient http;
	private final SubmissionProperties settings;
	private final EhrAccessTokens tokens;
	private final OutboundUrlPolicy outbound;
	private final FhirContext fhirContext;

	AttachmentClient(SubmissionProperties settings, EhrAccessTokens tokens, OutboundUrlPolicy outbound, FhirContext fhirContext) {
		this.settings = settings;
		this.tokens = tokens;
		this.outbound = outbound;
		this.fhirContext = fhirContext;
		this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	void submit(EhrConnection payer, Parameters attachments) {
		String url = payer.baseUrl().replaceAll("/+$", "") + "/$submit-attachment";
		outbound.check(url, "request");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.readTimeout())
				.header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(attachments)));
		int status;
		try {
			if (payer.auth().isPresent()) {
				request.header("Authorization", "Bearer " + tokens.accessToken(payer));
			}
			status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (IOException | RuntimeException unreachable) {
			throw failed("the payer could not be reached or authenticated at (" + unreachable.getClass().getSimpleName() + ")");
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw failed("interrupted while waiting for the payer");
		}
		if (status >= 400 && status < 500 && status != 401 && status != 408 && status != 429) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "document", "The payer refused the documents ($submit-attachment "
					+ "answered HTTP " + status + "); nothing was recorded as sent");
		}
		if (status < 200 || status >= 300) {
			throw failed("the payer answered $submit-attachment with HTTP " + status);
		}
	}

	private static RecourseException failed(String reason) {
		return new RecourseException(RecourseError.UPSTREAM_UNAVAILABLE, null, "The documents were not sent: " + reason
				+ ". Nothing was recorded as sent; call $send-documents again");
	}
}
