package dev.recourse.submission.fake;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.recourse.support.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Subscription;

/**
 * A payer for tests: PAS {@code Claim/$submit} and {@code Claim/$inquire} on 127.0.0.1 and a random port, over the
 * JDK's HTTP server (it can drop a connection without answering, which a servlet container will not). It records
 * every request it receives, files each submission it accepts under its Claim's identifiers, answers a pended PAS
 * response (ClaimResponse outcome complete, every item review action A4), and finds a filed one again for an
 * inquiry naming the Claim's identifier; it takes {@code POST Subscription} (recorded, id given, 201). Faults are scripted per coming {@code $submit}: answer 500, file the
 * request and drop the connection unanswered, or deny it at once (A3); {@link #down()} stops listening altogether.
 */
public final class FakePayer implements AutoCloseable {
	/** What the next {@code $submit} requests meet, in order; an empty script means they are filed and answered. */
	public enum Fault { ERROR_500, ACCEPT_THEN_DROP, DENY_AT_ONCE }

	private final FhirContext fhir = FhirContext.forR4Cached();
	private final List<Bundle> submitted = new CopyOnWriteArrayList<>();
	private final List<Bundle> inquiries = new CopyOnWriteArrayList<>();
	private final Map<String, Bundle> filed = new ConcurrentHashMap<>();
	private final List<String> filedOrder = new CopyOnWriteArrayList<>();
	private final Deque<Fault> script = new ConcurrentLinkedDeque<>();
	private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
	private final java.util.concurrent.atomic.AtomicInteger subscriptionIds = new java.util.concurrent.atomic.AtomicInteger();
	private final List<org.hl7.fhir.r4.model.Parameters> attachments = new CopyOnWriteArrayList<>();
	private volatile List<String> documentsAsked = List.of();
	private volatile long answerDelayMillis;
	private volatile int port;
	private HttpServer server;

	private FakePayer() {
	}

	public static FakePayer start() {
		FakePayer payer = new FakePayer();
		payer.listen(0);
		return payer;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port + "/fhir";
	}

	/** Stops listening: requests meet a refused connection until {@link #up()}. */
	public synchronized void down() {
		server.stop(0);
	}

	public synchronized void up() {
		listen(port);
	}

	public void script(Fault... faults) {
		script.addAll(List.of(faults));
	}

	/** Each answer waits this long, so that concurrent senders overlap. */
	public void answerDelay(long millis) {
		answerDelayMillis = millis;
	}

	/** The answers to the coming {@code $submit}s ask for documents of these LOINC codes (PAS Task and CommunicationRequests). */
	public void askForDocuments(String... loincCodes) {
		documentsAsked = List.of(loincCodes);
	}

	/** Every {@code $submit-attachment} received, as sent. */
	public List<org.hl7.fhir.r4.model.Parameters> attachments() {
		return List.copyOf(attachments);
	}

	public void reset() {
		documentsAsked = List.of();
		script.clear();
		answerDelayMillis = 0;
	}

	/** Every {@code $submit} request that reached the payer with this bundle identifier, filed or not. */
	public List<Bundle> received(String bundleIdentifier) {
		return submitted.stream().filter(bundle -> bundleIdentifier.equals(bundle.getIdentifier().getValue())).toList();
	}

	/** How many times a request with this bundle identifier was filed (accepted). */
	public long filings(String bundleIdentifier) {
		return filedOrder.stream().filter(bundleIdentifier::equals).count();
	}

	public List<Bundle> inquiries() {
		return List.copyOf(inquiries);
	}

	/** Every Subscription created here ({@code POST Subscription}), as received, with the id the payer gave it. */
	public List<Subscription> subscriptions() {
		return List.copyOf(subscriptions);
	}

	/** The created Subscriptions whose rest-hook ends with this path, e.g. {@code /pas-notifications/test-payer}. */
	public List<Subscription> subscriptionsTo(String endpointSuffix) {
		return subscriptions.stream().filter(subscription -> subscription.getChannel().getEndpoint().endsWith(endpointSuffix)).toList();
	}

	@Override
	public synchronized void close() {
		server.stop(0);
	}

	private void listen(int at) {
		server = LoopbackServer.listen(at, "fake-payer", Map.of("/fhir/Claim/$submit", this::submit, "/fhir/Claim/$inquire", this::inquire,
				"/fhir/Subscription", this::subscribe, "/fhir/$submit-attachment", this::submitAttachment));
		port = server.getAddress().getPort();
	}

	private void submit(HttpExchange exchange) throws IOException {
		Bundle request = read(exchange);
		submitted.add(request);
		pause();
		Fault fault = script.poll();
		if (fault == Fault.ERROR_500) {
			answer(exchange, 500, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"exception\"}]}");
			return;
		}
		Bundle response = fault == Fault.DENY_AT_ONCE ? PendedResponse.of(request, "A3", "Not certified") : PendedResponse.of(request);
		if (!documentsAsked.isEmpty()) {
			PendedResponse.askForDocuments(response, baseUrl(), documentsAsked);
		}
		file(request, response);
		if (fault == Fault.ACCEPT_THEN_DROP) {
			exchange.close(); // no status line: the connection is closed with the request filed
			return;
		}
		answer(exchange, 200, fhir.newJsonParser().encodeResourceToString(response));
	}

	private void submitAttachment(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			attachments.add(fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.Parameters.class,
					new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		answer(exchange, 200, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"information\",\"code\":\"informational\"}]}");
	}

	private void inquire(HttpExchange exchange) throws IOException {
		Bundle inquiry = read(exchange);
		inquiries.add(inquiry);
		Optional<Bundle> found = claim(inquiry).flatMap(claim -> claim.getIdentifier().stream()
				.map(identifier -> filed.get(key(identifier))).filter(bundle -> bundle != null).findFirst());
		Bundle answer = found.map(PendedResponse::inquiryAnswer).orElseGet(() -> new Bundle().setType(Bundle.BundleType.COLLECTION));
		answer(exchange, 200, fhir.newJsonParser().encodeResourceToString(answer));
	}

	/** Creates the Subscription (201, Location, the body with its new id); anything but a POST of one is 405/400. */
	private void subscribe(HttpExchange exchange) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod()) || !"/fhir/Subscription".equals(exchange.getRequestURI().getPath())) {
			answer(exchange, 405, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-supported\"}]}");
			return;
		}
		Subscription subscription;
		try (InputStream in = exchange.getRequestBody()) {
			subscription = fhir.newJsonParser().parseResource(Subscription.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		subscription.setId("sub-" + subscriptionIds.incrementAndGet());
		subscription.setStatus(Subscription.SubscriptionStatus.ACTIVE);
		subscriptions.add(subscription);
		exchange.getResponseHeaders().set("Location", baseUrl() + "/Subscription/" + subscription.getIdElement().getIdPart() + "/_history/1");
		answer(exchange, 201, fhir.newJsonParser().encodeResourceToString(subscription));
	}

	private synchronized void file(Bundle request, Bundle response) {
		claim(request).ifPresent(claim -> claim.getIdentifier().forEach(identifier -> filed.put(key(identifier), response)));
		filedOrder.add(request.getIdentifier().getValue());
	}

	private static Optional<Claim> claim(Bundle bundle) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Claim.class::isInstance)
				.map(Claim.class::cast).findFirst();
	}

	private static String key(Identifier identifier) {
		return identifier.getSystem() + "|" + identifier.getValue();
	}

	private Bundle read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return fhir.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private void pause() {
		try {
			Thread.sleep(answerDelayMillis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** For tests that look at what a ClaimResponse answered. */
	public static List<String> reviewActions(ClaimResponse response) {
		List<String> codes = new ArrayList<>();
		response.getItem().forEach(item -> item.getAdjudication().forEach(adjudication ->
				adjudication.getExtensionsByUrl(PendedResponse.REVIEW_ACTION).forEach(action -> codes.add(
						((org.hl7.fhir.r4.model.CodeableConcept) action.getExtensionByUrl(PendedResponse.REVIEW_ACTION_CODE).getValue())
								.getCodingFirstRep().getCode()))));
		return codes;
	}
}
