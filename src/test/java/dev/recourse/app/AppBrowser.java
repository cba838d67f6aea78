package dev.recourse.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The browser the app's ITs drive: Debian's Chromium headless under Playwright (its own browser download off), a page at
 * 1280×800 that prints what went wrong in the browser, the EHR launch with sign-in at the development issuer, and
 * screenshots to {@code target/screenshots/}.
 */
final class AppBrowser implements AutoCloseable {
	static final Path SCREENSHOTS = Paths.get("target", "screenshots");
	/** The development issuer's default user: the PAS example's prescriber (Practitioner/ReferralPractitionerExample). */
	static final String USER = "dr-demo";
	static final String PASSWORD = "recourse-demo";

	private final Playwright playwright;
	final Browser browser;

	AppBrowser() {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
				.setExecutablePath(Paths.get(System.getProperty("recourse.test.chromium", "/usr/bin/chromium")))
				.setHeadless(true)
				// the machine's network is closed: Chromium's own background connections would only fail
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
	}

	/** A fresh browser context (its own storage) at 1280×800. */
	BrowserContext context() {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
	}

	/** A page whose console and failed requests are printed in the test's output. */
	static Page watched(BrowserContext context) {
		Page page = context.newPage();
		page.onConsoleMessage(message -> System.out.println("browser console: " + message.text()));
		page.onResponse(response -> {
			if (response.status() >= 400) {
				System.out.println("browser got " + response.status() + " for " + response.request().method() + " " + response.url());
			}
		});
		return page;
	}

	/** The EHR launches the app in the patient's context; the user signs in at the development issuer; the worklist shows. */
	static void launchFromTheEhr(Page page, String serverRoot, String patientId) {
		page.navigate(serverRoot + "/dev-ehr/launch?patient=" + patientId);
		page.getByLabel("Username").fill(USER);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Worklist"))).isVisible();
		assertThat(page.locator(".who")).containsText("Patient in context: " + patientId);
	}

	static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("app-" + name + ".png")).setFullPage(true));
	}

	@Override
	public void close() {
		playwright.close();
	}
}
