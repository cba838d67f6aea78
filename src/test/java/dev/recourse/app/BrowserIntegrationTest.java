package dev.recourse.app;

import dev.recourse.support.FhirIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** An IT that drives the app in headless Chromium: one browser per class, on the shared server context. */
abstract class BrowserIntegrationTest extends FhirIntegrationTest {
	protected static AppBrowser browser;

	@BeforeAll
	static void chromium() {
		browser = new AppBrowser();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}
}
