package dev.recourse.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.recourse.packet.SeedCharts.allergy;
import static dev.recourse.packet.SeedCharts.condition;
import static dev.recourse.packet.SeedCharts.medication;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.recourse.packet.SeedPlan;
import dev.recourse.submission.PayerSubscriptionSchedule;
import dev.recourse.support.RecourseInstance;
import dev.recourse.support.TestInstances;
import dev.recourse.support.TestPayers;
import dev.recourse.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The specialists' app in a real browser (Debian's Chromium, headless, driven by Playwright) against the running server
 * and its development issuer: the EHR launches the app for the patient → sign-in → worklist → the seeded denial → pull
 * from the test EHR over HTTP → criteria map with the specialist's overrides (and a reload that loses nothing typed) →
 * letter drafted and signed by the prescriber → packet assembled and submitted to the payer Recourse instance → the
 * payer's reviewer decides there → the PAS notification arrives and the timeline shows it, with a logged call.
 * Screenshots of each screen go to {@code target/screenshots/}.
 */
class SpecialistAppIT extends BrowserIntegrationTest {
	private static final String PRESCRIBER = "ReferralPractitionerExample";
	private static final LocatorAssertions.ContainsTextOptions PATIENCE = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
	private static final String RA = "Rheumatoid arthritis, unspecified";

	@Autowired
	PayerSubscriptionSchedule subscriptions;

	private RecourseInstance payer;

	@BeforeEach
	void payerInstanceSubscribed() throws Exception {
		payer = TestInstances.payer();
		NOTICE_PROXY.forwardTo(serverRoot());
		NOTICE_PROXY.reset();
		PAYER_PROXY.reset();
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (client.read().resource(Task.class).withId("payer-subscription-" + TestPayers.RECOURSE_PAYER_ENDPOINT).execute().getStatus() != Task.TaskStatus.COMPLETED) {
			assertThat(System.nanoTime()).as("subscribed at the payer instance within 60 s").isLessThan(deadline);
			subscriptions.ensureAll();
			Thread.sleep(100);
		}
	}

	@Test
	void denialToDecision_inTheBrowser() throws Exception {
		SeedPlan plan = raStepTherapyAtThePayerInstance();
		try (BrowserContext context = browser.context()) {
			Page page = AppBrowser.watched(context);
			try {
				walkThrough(page, plan);
			} catch (AssertionError | RuntimeException failure) {
				screenshot(page, "failure");
				throw failure;
			}
		}
	}

	private void walkThrough(Page page, SeedPlan plan) throws Exception {
		launchedFromTheEhr(page, plan);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Riojas").setExact(false)).first().click();
		assertThat(page.locator(".plain")).containsText("said no to");
		assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Ways forward"))).containsText("File by");
		screenshot(page, "2-case");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chart and criteria")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pull chart from EHR")).click();
		assertThat(page.locator("table.therapies")).containsText("Stopped: allergy", PATIENCE);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Map criteria")).click();
		Locator criteria = page.locator("table.criteria");
		assertThat(criteria).containsText(RA, PATIENCE);
		assertThat(criteria.locator("tr.row-unknown")).hasCount(2);

		overrideKeepsWhatWasTypedOverAReload(page, "csdmard-step", "Not met",
				"Methotrexate caused hypersensitivity pneumonitis after five weeks: a conventional DMARD is contraindicated.");
		override(page, "prescriber", "Met", "Dr. Reyes is the patient's rheumatologist (board certified).");
		assertThat(criteria.locator("tr.row-unknown")).hasCount(0);
		assertThat(criteria).containsText("Specialist's reason: Methotrexate caused hypersensitivity pneumonitis");
		screenshot(page, "3-criteria");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Letter")).click();
		page.getByLabel("Pathway the letter argues").selectOption("step-therapy-exception");
		page.getByLabel("Argument", new Page.GetByLabelOptions().setExact(false))
				.fill("Methotrexate is contraindicated: it caused hypersensitivity pneumonitis after five weeks.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draft the letter")).click();
		assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Draft letter"))).containsText("not signed", PATIENCE);
		assertThat(page.frameLocator("iframe.letter-preview").locator("body")).containsText("hypersensitivity pneumonitis");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign as prescriber")).click();
		assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Signed letter"))).containsText("frozen", PATIENCE);
		screenshot(page, "4-letter");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Packet and submit")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assemble packet")).click();
		assertThat(page.locator(".packet-ok")).containsText("validates against Da Vinci PAS 2.2.1", PATIENCE);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit to payer")).click();
		assertThat(page.locator(".payer-answer")).containsText("Pended", PATIENCE);
		screenshot(page, "5-packet");

		String claimAtPayer = claimAtPayer(plan);
		HttpResponse<String> decided = approveAtPayer(claimAtPayer);
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline")).click();
		Locator timeline = page.locator("ol.timeline");
		assertThat(timeline).containsText("Packet submitted to the payer", PATIENCE);
		refreshUntil(page, page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Timeline")), "Stage: Approved");
		assertThat(timeline).containsText("Decision");
		page.getByLabel("Person spoken to").fill("Dana at Cigna utilization management");
		page.getByLabel("Reference number").fill("CALL-2211");
		page.getByLabel("Notes", new Page.GetByLabelOptions().setExact(true)).fill("Confirmed the exception was approved; letter to follow by mail.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log call")).click();
		assertThat(timeline).containsText("reference CALL-2211", PATIENCE);
		screenshot(page, "6-timeline");
	}

	/** The EHR launches the app in the patient's context; the user signs in at the development issuer; the worklist shows. */
	private void launchedFromTheEhr(Page page, SeedPlan plan) {
		AppBrowser.launchFromTheEhr(page, serverRoot(), plan.patientId());
		Locator row = page.locator("table.worklist tbody tr");
		assertThat(row).hasCount(1);
		assertThat(row).containsText("Cigna");
		assertThat(row).containsText("Step therapy");
		screenshot(page, "1-worklist");
	}

	/** Types half the reason, reloads the page (as a lost connection or an expired screen would), finds it still there. */
	private void overrideKeepsWhatWasTypedOverAReload(Page page, String criterion, String answer, String reason) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Override: " + criterion)).click();
		page.getByLabel("Reason (goes on the record)").fill(reason);
		page.reload();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Override: " + criterion)).click();
		assertThat(page.getByLabel("Reason (goes on the record)")).hasValue(reason);
		page.getByLabel(answer, new Page.GetByLabelOptions().setExact(true)).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save answer")).click();
		assertThat(page.locator("form.override")).hasCount(0);
	}

	private void override(Page page, String criterion, String answer, String reason) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Override: " + criterion)).click();
		page.getByLabel(answer, new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Reason (goes on the record)").fill(reason);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save answer")).click();
		assertThat(page.locator("form.override")).hasCount(0);
	}

	/** The decision arrives by notification, not by the page: the specialist refreshes the timeline until it is there. */
	private static void refreshUntil(Page page, Locator region, String text) throws InterruptedException {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!region.textContent().contains(text)) {
			assertThat(System.nanoTime()).as("\"" + text + "\" on the timeline within 60 s").isLessThan(deadline);
			Thread.sleep(500);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh")).click();
		}
	}

	/**
	 * SeedSituationsIT's RA step-therapy situation (Synthea's Alejandro Riojas, adalimumab, a methotrexate allergy) with the
	 * payer Recourse instance as the plan (its insurer identifier beside Cigna's, so the policy is still Cigna's and the packet
	 * goes there) and the requesting clinic the provider organization that subscribed to its notifications.
	 */
	private SeedPlan raStepTherapyAtThePayerInstance() {
		String ehrPatient = "829bb06a-42b9-433d-a8f6-560727c63da9";
		SeedPlan plan = new SeedPlan("app-" + UUID.randomUUID().toString().substring(0, 8), "/fixtures/ehr/Bundle-synthea-alejandro-riojas.json",
				"cigna", "Cigna", "erisa-insured", new CodeableConcept(new Coding(SeedPlan.HCPCS, "J0135", "Injection, adalimumab, 20 mg")),
				new Coding(SeedPlan.ICD10, "M06.9", RA), "50",
				"Step therapy: the member must first try a conventional DMARD such as methotrexate for at least 3 months.", true);
		LocalDate today = LocalDate.now();
		String allergyStart = today.minusMonths(8).toString();
		EHRS.searchOnly().add(condition(ehrPatient, "M06.9", RA, today.minusMonths(10).toString()),
				medication(ehrPatient, "Methotrexate 2.5 MG Oral Tablet", today.minusMonths(9).toString(), allergyStart,
						"Allergic reaction: hypersensitivity pneumonitis"),
				allergy(ehrPatient, "6851", "methotrexate", allergyStart, "Hypersensitivity pneumonitis"));
		Bundle transaction = plan.transaction(fhirContext, "Reyes", "Marco", "Rheumatologist");
		for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
			if (entry.getResource() instanceof Organization organization) {
				String id = organization.getIdElement().getIdPart();
				if (id.endsWith("-payer")) {
					organization.addIdentifier(TestPayers.identifier(TestPayers.RECOURSE_PAYER_INSURER));
				} else if (id.equals(plan.clinicId())) {
					organization.setIdentifier(List.of(TestPayers.identifier(TestPayers.PROVIDER_ORGANIZATION)));
				}
			}
		}
		Practitioner signer = new Practitioner();
		signer.setId(PRESCRIBER);
		signer.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567893");
		signer.addName().setFamily("Reyes").addGiven("Marco");
		signer.addQualification().getCode().setText("MD");
		transaction.addEntry().setFullUrl("Practitioner/" + PRESCRIBER).setResource(signer).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("Practitioner/" + PRESCRIBER);
		client.transaction().withBundle(transaction).execute();
		client.operation().onInstance("ClaimResponse/" + plan.denialId()).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
		return plan;
	}

	/** The payer instance's copy of the request the app submitted: the Claim with the identifier of the case's packet's Claim. */
	private String claimAtPayer(SeedPlan plan) {
		Task caseTask = client.read().resource(Task.class).withId("case-" + plan.denialId()).execute();
		String packetReference = caseTask.getOutput().stream().map(Task.TaskOutputComponent::getValue).filter(Reference.class::isInstance)
				.map(value -> ((Reference) value).getReference()).filter(reference -> reference.startsWith("Bundle/packet-"))
				.findFirst().orElseThrow();
		Bundle packet = client.read().resource(Bundle.class).withUrl(packetReference.replaceAll("/_history/.*", "")).execute();
		Identifier claim = ((Claim) packet.getEntryFirstRep().getResource()).getIdentifierFirstRep();
		var payerAdmin = clientWith(payer.fhirBase(), new TestTokens(ISSUER, payer.fhirBase()).system(ADMIN_SCOPES));
		Bundle found = payerAdmin.search().byUrl("Claim?identifier=" + claim.getSystem() + "|" + claim.getValue()).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).as("the request at the payer instance").hasSize(1);
		return found.getEntryFirstRep().getResource().getIdElement().getIdPart();
	}

	/** The payer's reviewer approves it, at the payer instance. */
	private HttpResponse<String> approveAtPayer(String claimId) throws Exception {
		Parameters decision = new Parameters();
		decision.addParameter().setName("decision").setValue(new CodeType("A1"));
		decision.addParameter().setName("note").setValue(new StringType("Approved: the methotrexate contraindication is documented."));
		String token = new TestTokens(ISSUER, payer.fhirBase()).payer("system/ClaimResponse.u");
		return send(HttpRequest.newBuilder(URI.create(payer.fhirBase() + "/Claim/" + claimId + "/$decide"))
				.header("Authorization", "Bearer " + token).header("Accept", FHIR_JSON).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(decision))));
	}

	private static void screenshot(Page page, String name) {
		AppBrowser.screenshot(page, name);
	}
}
