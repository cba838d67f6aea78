package dev.recourse.support;

import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.ehr.fake.FakeEhrOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EHRs of the integration tests, started once per JVM before the server: one that answers only
 * searches, one that also offers {@code Patient/$everything}, both with SMART Backend Services and the
 * three third-party fixture patients. The server knows them as configured Endpoints; a third Endpoint on
 * the first EHR has its own circuit breaker, for the tests that trip one.
 */
public final class TestEhrs {
	public static final String SEARCH_ONLY = "test-ehr";
	public static final String EVERYTHING = "test-ehr-everything";
	public static final String BREAKER = "test-ehr-breaker";
	public static final String KEY_RS384 = "recourse-rs384";
	public static final String KEY_ES384 = "recourse-es384";

	private final FakeEhr searchOnly;
	private final FakeEhr everything;

	private TestEhrs(FakeEhr searchOnly, FakeEhr everything) {
		this.searchOnly = searchOnly;
		this.everything = everything;
	}

	static TestEhrs start() {
		return new TestEhrs(
				FakeEhr.start(FakeEhrOptions.builder().allFixtures().defaultClient().build()),
				FakeEhr.start(FakeEhrOptions.builder().allFixtures().everything(true).defaultClient().build()));
	}

	public FakeEhr searchOnly() {
		return searchOnly;
	}

	public FakeEhr everything() {
		return everything;
	}

	/** The outbound allow-list: the given URLs, each EHR's FHIR base and its token endpoint. */
	List<String> allowedUrls(String... others) {
		List<String> urls = new ArrayList<>(List.of(others));
		for (FakeEhr ehr : List.of(searchOnly, everything)) {
			urls.add(ehr.baseUrl());
			urls.add(ehr.tokenUrl());
		}
		return urls;
	}

	Map<String, String> endpointProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		endpoint(properties, 0, SEARCH_ONLY, searchOnly, KEY_RS384);
		endpoint(properties, 1, EVERYTHING, everything, KEY_ES384);
		endpoint(properties, 2, BREAKER, searchOnly, KEY_RS384);
		properties.put("recourse.ehr.default-endpoint", SEARCH_ONLY);
		return properties;
	}

	private static void endpoint(Map<String, String> properties, int index, String id, FakeEhr ehr, String keyAlias) {
		String prefix = "recourse.ehr.endpoints[" + index + "].";
		properties.put(prefix + "id", id);
		properties.put(prefix + "name", "Test EHR " + id);
		properties.put(prefix + "address", ehr.baseUrl());
		properties.put(prefix + "client-id", FakeEhrOptions.CLIENT_ID);
		properties.put(prefix + "scope", "system/*.rs");
		properties.put(prefix + "key-alias", keyAlias);
	}
}
