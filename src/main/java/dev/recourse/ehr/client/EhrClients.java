package dev.recourse.ehr.client;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.ehr.EhrProperties;
import dev.recourse.ehr.auth.EhrAccessTokens;
import dev.recourse.security.guard.OutboundUrlPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.springframework.stereotype.Component;

/**
 * Opens sessions with EHRs: HAPI's generic client over one pooled HTTP client that never follows
 * redirects (a redirect would take a request somewhere the outbound policy has not checked) and never
 * retries on its own (retries are {@link EhrCallPolicy}'s, with backoff), plus one circuit breaker per
 * Endpoint shared by every pull from it.
 */
@Component
public class EhrClients {
	private final EhrProperties settings;
	private final EhrAccessTokens tokens;
	private final OutboundUrlPolicy outbound;
	private final ApacheRestfulClientFactory factory;
	private final CircuitBreakerRegistry breakers;

	EhrClients(EhrProperties settings, EhrAccessTokens tokens, OutboundUrlPolicy outbound) {
		this.settings = settings;
		this.tokens = tokens;
		this.outbound = outbound;
		// A context of our own: HAPI's client sends every request through its context's client factory, so
		// sharing the server's context would either miss our HTTP settings or impose them on every other client.
		FhirContext ehrContext = FhirContext.forR4();
		this.factory = new ApacheRestfulClientFactory(ehrContext);
		factory.setHttpClient(httpClient(settings));
		factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
		ehrContext.setRestfulClientFactory(factory);
		this.breakers = CircuitBreakerRegistry.of(breakerConfig(settings.resilience()));
	}

	/** A session with the EHR; the caller has checked the connection's address against the outbound policy. */
	public EhrSession open(EhrConnection connection) {
		outbound.check(connection.baseUrl(), "Endpoint.address");
		IGenericClient client = factory.newGenericClient(connection.baseUrl());
		BearerHeader bearer = new BearerHeader();
		client.registerInterceptor(bearer);
		client.registerInterceptor(new ResponseStatusHook(Clock.systemUTC()));
		EhrCallPolicy policy = new EhrCallPolicy(settings.resilience(), breakers.circuitBreaker(connection.endpointId()));
		return new EhrSession(connection, client, new AuthenticatedCalls(connection, tokens, bearer, policy), outbound);
	}

	private static CloseableHttpClient httpClient(EhrProperties settings) {
		int connectMillis = (int) settings.http().connectTimeout().toMillis();
		RequestConfig timeouts = RequestConfig.custom()
				.setConnectTimeout(connectMillis)
				.setConnectionRequestTimeout(connectMillis)
				.setSocketTimeout((int) settings.http().readTimeout().toMillis())
				.setRedirectsEnabled(false)
				.build();
		PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(5, TimeUnit.MINUTES);
		pool.setMaxTotal(50);
		pool.setDefaultMaxPerRoute(Math.max(settings.parallelism() * 2, 4));
		return HttpClients.custom()
				.setConnectionManager(pool)
				.setDefaultRequestConfig(timeouts)
				.disableRedirectHandling()
				.disableAutomaticRetries()
				.disableCookieManagement()
				.useSystemProperties()
				.build();
	}

	private static CircuitBreakerConfig breakerConfig(EhrProperties.Resilience resilience) {
		return CircuitBreakerConfig.custom()
				.failureRateThreshold(resilience.failureRatePercent())
				.slidingWindowSize(resilience.window())
				.minimumNumberOfCalls(Math.max(resilience.window() / 2, 1))
				.waitDurationInOpenState(resilience.openFor())
				.recordException(EhrCallPolicy::endpointFault)
				.build();
	}
}
