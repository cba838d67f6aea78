package dev.recourse.ehr.client;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.ehr.auth.EhrAuthenticationException;
import dev.recourse.ehr.EhrProperties.Resilience;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.apache.http.conn.ConnectTimeoutException;
import java.net.SocketTimeoutException;
import java.util.function.Supplier;

/**
 * How one EHR request is tried: through the endpoint's circuit breaker, retried on what may pass
 * (network errors, timeouts, 5xx, 429) with exponential backoff and jitter, waiting what a 429's
 * {@code Retry-After} asks when that is within reason. Client errors and unparseable answers are not
 * retried: asking again gets the same answer.
 */
final class EhrCallPolicy {
	private final Resilience settings;
	private final CircuitBreaker breaker;
	private final IntervalFunction backoff;

	EhrCallPolicy(Resilience settings, CircuitBreaker breaker) {
		this.settings = settings;
		this.breaker = breaker;
		this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5, settings.maxBackoff());
	}

	/** @param what the request in words, e.g. "the Observation search", for the failure message */
	<T> T call(String what, Supplier<T> request) {
		Retry retry = Retry.of(what, retryConfig());
		Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, request);
		try {
			return Retry.decorateSupplier(retry, guarded).get();
		} catch (RuntimeException e) {
			throw failed(what, e);
		}
	}

	private RetryConfig retryConfig() {
		return RetryConfig.custom()
				.maxAttempts(settings.maxAttempts())
				.retryOnException(this::transient_)
				.intervalBiFunction(interval())
				.build();
	}

	private IntervalBiFunction<Object> interval() {
		return (attempt, outcome) -> outcome.isLeft() && outcome.getLeft() instanceof Throttled throttled
				? throttled.retryAfter().toMillis()
				: backoff.apply(attempt);
	}

	private boolean transient_(Throwable e) {
		if (e instanceof Throttled throttled) {
			return throttled.retryAfter().compareTo(settings.maxRetryAfter()) <= 0;
		}
		if (e instanceof FhirClientConnectionException) {
			return !(e.getCause() instanceof DataFormatException);
		}
		return e instanceof BaseServerResponseException response && response.getStatusCode() >= 500;
	}

	/** Counts towards opening the circuit: the EHR misbehaving, not our request being wrong. */
	static boolean endpointFault(Throwable e) {
		if (e instanceof FhirClientConnectionException) {
			return !(e.getCause() instanceof DataFormatException);
		}
		return e instanceof BaseServerResponseException response && response.getStatusCode() >= 500;
	}

	private EhrCallFailed failed(String what, RuntimeException e) {
		if (e instanceof EhrCallFailed already) {
			return already;
		}
		if (e instanceof CallNotPermittedException) {
			return new EhrCallFailed("The EHR has failed repeatedly and is left alone for "
					+ settings.openFor().toSeconds() + " s (circuit open); " + what + " was not sent", true, e);
		}
		return new EhrCallFailed(what + " failed: " + reason(e), isDown(e), e);
	}

	private String reason(RuntimeException e) {
		if (e instanceof Throttled throttled) {
			return "the EHR kept answering 429 Too Many Requests (it asked to wait " + throttled.retryAfter().toSeconds() + " s"
					+ (throttled.retryAfter().compareTo(settings.maxRetryAfter()) > 0 ? ", longer than the " + settings.maxRetryAfter().toSeconds() + " s we wait" : "")
					+ ")";
		}
		if (e instanceof EhrAuthenticationException) {
			return "could not authenticate at the EHR: " + e.getMessage();
		}
		if (e instanceof AuthenticationException) {
			return "the EHR refused a freshly issued access token (HTTP 401); check the scopes and the client registration";
		}
		if (e.getCause() instanceof DataFormatException) {
			return "the EHR's answer is not valid FHIR JSON";
		}
		if (!(e instanceof FhirClientConnectionException) && e instanceof BaseServerResponseException response) {
			return "the EHR answered HTTP " + response.getStatusCode() + attempts(response.getStatusCode() >= 500);
		}
		if (e.getCause() instanceof SocketTimeoutException) {
			return "the EHR did not answer within the read timeout" + attempts(true);
		}
		if (isDown(e)) {
			return "the EHR could not be reached" + attempts(true);
		}
		return "the connection to the EHR failed (" + e.getClass().getSimpleName() + ")" + attempts(true);
	}

	private String attempts(boolean retried) {
		return retried ? " (" + settings.maxAttempts() + " attempts)" : "";
	}

	private static boolean isDown(RuntimeException e) {
		Throwable cause = e.getCause();
		return cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof ConnectTimeoutException
				|| cause instanceof NoRouteToHostException;
	}
}
