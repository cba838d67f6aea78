package dev.recourse.ehr.fake;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.util.FileSystemUtils;

/**
 * A real FHIR R4 EHR for tests: HAPI's RestfulServer in embedded Tomcat on 127.0.0.1 and a random port,
 * serving third-party fixture patients at {@link #baseUrl()}, optionally behind SMART Backend Services
 * ({@link #tokenUrl()}), with faults a test scripts per resource type and a log of every request.
 *
 * <p>Filters, outermost first: request log → bearer check (when a client is registered) → fault injection →
 * the FHIR servlet.
 */
public final class FakeEhr implements AutoCloseable {
	private final ChartStore store;
	private final FhirEndpoint endpoint;
	private final Faults faults = new Faults();
	private final RequestTarget.Pages pages = new RequestTarget.Pages();
	private final RequestLog log = new RequestLog(pages);
	private final Optional<BackendServicesAuth> auth;
	private final Path baseDir;
	private final Tomcat tomcat = new Tomcat();
	private volatile int port;

	private FakeEhr(FakeEhrOptions options) throws IOException {
		FhirContext fhir = FhirContext.forR4Cached();
		store = new ChartStore(fhir);
		BundleLoader loader = new BundleLoader(fhir);
		options.bundles().forEach(bundle -> loader.load(bundle).forEach(store::put));
		endpoint = new FhirEndpoint(fhir, store, options.everything(), new NextLinkInterceptor(faults, pages));
		auth = options.client().map(client -> new BackendServicesAuth(client, options.tokenLifetime(), this::tokenUrl));
		baseDir = Files.createTempDirectory("fake-ehr");
	}

	public static FakeEhrOptions.Builder builder() {
		return FakeEhrOptions.builder();
	}

	public static FakeEhr start(FakeEhrOptions options) {
		try {
			FakeEhr ehr = new FakeEhr(options);
			ehr.startTomcat();
			return ehr;
		} catch (IOException e) {
			throw new UncheckedIOException("cannot start the fake EHR", e);
		} catch (LifecycleException e) {
			throw new IllegalStateException("cannot start the fake EHR", e);
		}
	}

	private void startTomcat() throws LifecycleException {
		tomcat.setBaseDir(baseDir.toString());
		tomcat.setPort(0);
		tomcat.getConnector().setProperty("address", "127.0.0.1");
		StandardContext context = (StandardContext) tomcat.addContext("", baseDir.toString());
		// one test JVM, no webapp class loader to protect: skip the leak checks that need --add-opens
		context.setClearReferencesObjectStreamClassCaches(false);
		context.setClearReferencesThreadLocals(false);
		context.setClearReferencesRmiTargets(false);
		addFilter(context, "log", log, "/*");
		auth.ifPresent(a -> {
			addFilter(context, "bearer", new BearerFilter(a), "/fhir/*");
			addServlet(context, "token", new TokenServlet(a), RequestTarget.TOKEN_PATH);
			addServlet(context, "smart", new TokenServlet.SmartConfiguration(this::tokenUrl),
					"/fhir/.well-known/smart-configuration");
		});
		addFilter(context, "faults", new FaultFilter(faults, pages), "/fhir/*", RequestTarget.TOKEN_PATH);
		addServlet(context, "fhir", endpoint.servlet(), "/fhir/*");
		tomcat.start();
		port = tomcat.getConnector().getLocalPort();
	}

	private static void addFilter(Context context, String name, Filter filter, String... patterns) {
		FilterDef def = new FilterDef();
		def.setFilterName(name);
		def.setFilter(filter);
		context.addFilterDef(def);
		FilterMap map = new FilterMap();
		map.setFilterName(name);
		for (String pattern : patterns) {
			map.addURLPattern(pattern);
		}
		context.addFilterMap(map);
	}

	private static void addServlet(Context context, String name, Servlet servlet, String pattern) {
		Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
		wrapper.setLoadOnStartup(1);
		context.addServletMappingDecoded(pattern, name);
	}

	// --- where it is

	public int port() {
		return port;
	}

	/** {@code http://127.0.0.1:{port}/fhir}, no trailing slash. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port + "/fhir";
	}

	/** {@code http://127.0.0.1:{port}/auth/token}: the token endpoint and the aud client assertions must name. */
	public String tokenUrl() {
		return "http://127.0.0.1:" + port + "/auth/token";
	}

	public String smartConfigurationUrl() {
		return baseUrl() + "/.well-known/smart-configuration";
	}

	// --- data

	/** Stores copies of test-made resources (a new uuid for one without an id); answers their {@code Type/id}. */
	public List<String> add(IBaseResource... resources) {
		List<String> ids = new ArrayList<>();
		for (IBaseResource resource : resources) {
			String typeAndId = store.put(resource);
			endpoint.serve(typeAndId.substring(0, typeAndId.indexOf('/')));
			ids.add(typeAndId);
		}
		return ids;
	}

	/** Clones the patient's resources of a type with fresh ids, e.g. to give a benchmark patient 1,000 Observations. */
	public List<String> addCopies(String patientId, String type, int count) {
		return store.addCopies(patientId, type, count);
	}

	public Optional<String> patientIdByIdentifier(String system, String value) {
		return store.patientIdByIdentifier(system, value);
	}

	/** The patient's resources of a searchable type, as {@code GET {type}?patient={id}} would find them. */
	public List<IBaseResource> resourcesOf(String patientId, String type) {
		return store.ofPatient(type, patientId);
	}

	/** What {@code Patient/{id}/$everything} answers (whether or not the operation is offered). */
	public List<IBaseResource> everythingOf(String patientId) {
		return store.everything(patientId);
	}

	// --- auth

	/** A valid access token without the token endpoint, for tests that only read; not counted as a token request. */
	public String issueToken() {
		return requireAuth().issue();
	}

	/** Makes every token issued so far invalid, as if each expired mid-pull. */
	public void expireIssuedTokens() {
		requireAuth().expireIssuedTokens();
	}

	/** Requests the token endpoint has answered, good or bad. */
	public int tokenRequests() {
		return auth.map(BackendServicesAuth::tokenRequests).orElse(0);
	}

	private BackendServicesAuth requireAuth() {
		return auth.orElseThrow(() -> new IllegalStateException("this fake EHR registers no client"));
	}

	// --- faults: each keyed by resource type (pages of its searches included), operation name ({@code $everything})
	// or {@code token} for the token endpoint

	/** The next {@code times} requests answer {@code status} (e.g. 500, 502, 503) with an OperationOutcome. */
	public FakeEhr failNext(String type, int times, int status) {
		faults.add(type, new Faults.Fault(Faults.Kind.FAIL, status, null, null), times);
		return this;
	}

	/** The next {@code times} requests answer 429 with {@code Retry-After: retryAfterSeconds}. */
	public FakeEhr throttleNext(String type, int times, int retryAfterSeconds) {
		faults.add(type, new Faults.Fault(Faults.Kind.THROTTLE, retryAfterSeconds, null, null), times);
		return this;
	}

	/** The next {@code times} requests are served after sleeping {@code delay}. */
	public FakeEhr delayNext(String type, int times, Duration delay) {
		faults.add(type, new Faults.Fault(Faults.Kind.DELAY, 0, delay, null), times);
		return this;
	}

	/** The next {@code times} requests answer 200 application/fhir+json with a body that is not JSON. */
	public FakeEhr malformedNext(String type, int times) {
		faults.add(type, new Faults.Fault(Faults.Kind.MALFORMED, 200, null, null), times);
		return this;
	}

	/** The next searchset of the type carries this {@code next} link instead of its own (added if it had none). */
	public FakeEhr foreignNextLink(String type, String foreignUrl) {
		faults.add(type, new Faults.Fault(Faults.Kind.FOREIGN_NEXT_LINK, 200, null, foreignUrl), 1);
		return this;
	}

	/** Every request answers {@code status} until {@link #clearFaults()}. */
	public FakeEhr alwaysFail(String type, int status) {
		faults.add(type, new Faults.Fault(Faults.Kind.FAIL, status, null, null), Integer.MAX_VALUE);
		return this;
	}

	public void clearFaults() {
		faults.clear();
	}

	// --- request log

	public List<RequestRecord> requests() {
		return log.records();
	}

	/** Requests about a resource type or operation so far, pages of its searches included. */
	public long requestCount(String typeOrOperation) {
		return log.count(typeOrOperation);
	}

	public void resetLog() {
		log.reset();
	}

	@Override
	public void close() {
		try {
			tomcat.stop();
			tomcat.destroy();
		} catch (LifecycleException e) {
			throw new IllegalStateException("cannot stop the fake EHR", e);
		} finally {
			FileSystemUtils.deleteRecursively(baseDir.toFile());
		}
	}
}
