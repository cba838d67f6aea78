package dev.recourse.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.recourse.filing.FilingCases;
import dev.recourse.filing.PlanState;
import dev.recourse.packet.SeedPlan;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's pathways in the app, in a real browser (headless Chromium) against the running server, each case seeded
 * over HTTP and opened through the EHR launch: the peer-to-peer requested and recorded as upheld (the timeline and the
 * case's next step change); Assistance for a Medicare Part D case (no copay card, the federal-programme caveat, a
 * checklist ticked that is still ticked after a reload); and for a final internal denial the external-review filing
 * drafted, signed, packed and listed on the case; and a filing to a state the rules hold no office for refused in plain
 * words, the draft on file and the words typed kept. Assertions are on what the user sees.
 */
class SpecialistFilingsIT extends BrowserIntegrationTest {
	private static final LocatorAssertions.ContainsTextOptions PATIENCE = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
	private static final LocalDate NOTICE = LocalDate.now().withDayOfMonth(1);

	@Test
	void peerToPeer_requestedThenUpheld_movesTheCaseOnToTheAppeal() {
		FilingCases.Filed filed = FilingCases.open(fhirContext, client, NOTICE, "aca-individual", null,
				patient -> patient.addAddress().setState("NY"), coverage -> { });
		inTheBrowser(filed.plan().patientId(), "p2p", page -> {
			Locator facts = page.locator(".case-facts");
			assertThat(facts).containsText("Next step: Peer-to-peer review");
			tab(page, "Timeline");
			page.getByLabel("Payer's reviewer (if known)", new Page.GetByLabelOptions().setExact(true)).fill("Dr. Lee, medical director");
			page.getByLabel("Notes for the request", new Page.GetByLabelOptions().setExact(true)).fill("Mornings suit Dr. Ferro.");
			button(page, "Request peer-to-peer").click();
			Locator timeline = page.locator("ol.timeline");
			assertThat(timeline).containsText("Peer-to-peer requested", PATIENCE);

			// a select's name includes its chosen option ("Outcome Choose…"): not exact, and no other label has the word
			page.getByLabel("Outcome", new Page.GetByLabelOptions().setExact(false)).selectOption("upheld");
			page.getByLabel("What was said (reasons, agreement, reference number)", new Page.GetByLabelOptions().setExact(true))
					.fill("Reviewer kept the denial; reference P2P-77.");
			button(page, "Record outcome").click();

			assertThat(timeline).containsText("Peer-to-peer outcome", PATIENCE);
			assertThat(timeline).containsText("Upheld — Reviewer kept the denial; reference P2P-77.");
			assertThat(facts).containsText("Stage: Upheld");
			assertThat(facts).containsText("Next step: Internal appeal");
			// the spent peer-to-peer is not asked for again
			assertThat(button(page, "Record outcome")).hasCount(0);
		});
	}

	@Test
	void assistance_forAMedicareCase_withholdsTheCopayCard_andKeepsATickedChecklistOverAReload() {
		SeedPlan plan = dupixentDenial("medicare-part-d");
		inTheBrowser(plan.patientId(), "assistance", page -> {
			tab(page, "Assistance");
			Locator programmes = page.locator("ul.programs > li");
			assertThat(programmes).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
			Locator copay = programmes.filter(new Locator.FilterOptions().setHasText("DUPIXENT MyWay Copay Card"));
			assertThat(copay).containsText("Withheld");
			assertThat(copay).containsText("federal health care programme");
			assertThat(copay.getByRole(AriaRole.BUTTON)).hasCount(0);
			assertThat(page.locator(".warning").first()).containsText("Anti-Kickback");
			Locator freeDrug = programmes.filter(new Locator.FilterOptions().setHasText("Patient Assistance Program (free medicine)"));
			assertThat(freeDrug).containsText("Offered");

			freeDrug.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start application checklist")).click();
			Locator income = page.getByLabel("Proof of household income", new Page.GetByLabelOptions().setExact(false));
			income.check();
			button(page, "Save checklist (1 change)").click();
			assertThat(button(page, "Save checklist")).isDisabled();
			page.reload();
			assertThat(page.getByLabel("Proof of household income", new Page.GetByLabelOptions().setExact(false)))
					.isChecked(new LocatorAssertions.IsCheckedOptions().setTimeout(60_000));
			assertThat(page.getByLabel("Patient's signature", new Page.GetByLabelOptions().setExact(false))).not().isChecked();
			assertThat(page.getByRole(AriaRole.REGION).filter(new Locator.FilterOptions().setHasText("Status: in-progress"))).hasCount(1);
		});
	}

	@Test
	void externalReview_ofAFinalInternalDenial_isDraftedSignedPackedAndListed() {
		FilingCases.Filed filed = newYorkFinalInternalDenial();
		inTheBrowser(filed.plan().patientId(), "filing", page -> {
			tab(page, "Letter");
			assertThat(page.locator(".standing")).containsText("marked by its decision-level extension", PATIENCE);
			// the select's name includes its chosen option ("… External review — file by …"), so not exact
			Locator pathway = page.getByLabel("Pathway the letter argues", new Page.GetByLabelOptions().setExact(false));
			assertThat(pathway.locator("option[value='external-review']")).containsText("External review — file by");
			assertThat(pathway.locator("option[value='internal-appeal']")).hasCount(0);
			pathway.selectOption("external-review");
			page.getByLabel("Argument", new Page.GetByLabelOptions().setExact(false))
					.fill("Two relapses in twelve months on interferon: ocrelizumab is medically necessary.");
			button(page, "Draft the filing").click();
			Locator draft = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Draft letter"));
			assertThat(draft).containsText("Request for external review", PATIENCE);
			assertThat(draft).containsText("not signed");
			assertThat(page.frameLocator("iframe.letter-preview").locator("body")).containsText("Two relapses in twelve months");
			Locator packetPanel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Filing packet"));
			assertThat(packetPanel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assemble filing packet"))).isDisabled();

			Locator signedLetter = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Signed letter"));
			clickUntilStarted(button(page, "Sign as prescriber"), signedLetter);
			assertThat(signedLetter).containsText("frozen", PATIENCE);
			Locator listed = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Filing packets on this case"));
			clickUntilStarted(button(page, "Assemble filing packet"), listed);
			assertThat(listed).containsText("Request for external review", PATIENCE);

			page.reload();
			assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Filing packets on this case")))
					.containsText("Request for external review", PATIENCE);
			assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Signed letter"))).containsText("Request for external review");
		});
	}

	@Test
	void aFilingToAStateWithNoAddresseeRow_isRefusedInPlainWords_andTheDraftOnFileStaysAsItWas() {
		FilingCases.Filed filed = newYorkFinalInternalDenial();
		inTheBrowser(filed.plan().patientId(), "no-addressee", page -> {
			tab(page, "Letter");
			page.getByLabel("Pathway the letter argues", new Page.GetByLabelOptions().setExact(false)).selectOption("external-review");
			Locator argument = page.getByLabel("Argument", new Page.GetByLabelOptions().setExact(false));
			argument.fill("Two relapses in twelve months on interferon.");
			button(page, "Draft the filing").click();
			Locator draft = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Draft letter"));
			assertThat(draft).containsText("Request for external review", PATIENCE);

			// the plan turns out to be issued in Puerto Rico, for which the rules hold no external-review office (no territory has rows)
			Coverage plan = client.read().resource(Coverage.class).withId(filed.plan().key() + "-coverage").execute();
			plan.addExtension(PlanState.EXTENSION, new CodeType("PR"));
			client.update().resource(plan).execute();
			page.reload();
			assertThat(draft).containsText("Request for external review", PATIENCE);
			String drafted = draft.locator("p[role=status]").textContent();
			List<String> lettersBefore = letters(filed);
			argument.fill("Two relapses in twelve months on interferon; MRI shows new lesions.");
			button(page, "Draft again with these words").click();

			Locator refusal = page.getByRole(AriaRole.ALERT);
			assertThat(refusal).containsText("no row for PR", PATIENCE);
			assertThat(refusal).containsText("Recourse has no office on file to send an external review filing");
			assertThat(refusal).containsText("Ask your administrator");
			for (String raw : List.of("resourceType", "OperationOutcome", "Exception", "at dev.", "{", "aca-individual")) {
				assertThat(page.locator("body")).not().containsText(raw);
			}
			// nothing lost: the draft on file, its state on screen, the words typed, the form usable
			org.assertj.core.api.Assertions.assertThat(letters(filed)).isEqualTo(lettersBefore);
			assertThat(draft.locator("p[role=status]")).hasText(drafted);
			assertThat(argument).hasValue("Two relapses in twelve months on interferon; MRI shows new lesions.");
			assertThat(button(page, "Draft again with these words")).isEnabled();
			assertThat(page.locator(".case-facts")).containsText("Next step: External review");
		});
	}

	/** A case on a final internal denial of a New York individual plan, its prescriber on file to sign. */
	private FilingCases.Filed newYorkFinalInternalDenial() {
		FilingCases.Filed filed = FilingCases.open(fhirContext, client, NOTICE, "aca-individual", "final-internal",
				patient -> patient.addAddress().setState("NY"), coverage -> { });
		prescriberOnFile();
		return filed;
	}

	/** The case's letters on file, each as id and version. */
	private List<String> letters(FilingCases.Filed filed) {
		Bundle found = client.search().byUrl("DocumentReference?related=ClaimResponse/" + filed.plan().denialId()
				+ "&category=http://recourse.dev/fhir/CodeSystem/artifact-type|letter").returnBundle(Bundle.class).execute();
		org.assertj.core.api.Assertions.assertThat(found.getEntry()).as("the draft on file").hasSize(1);
		return found.getEntry().stream().map(entry -> entry.getResource().getIdElement().toUnqualified().getValue()).toList();
	}

	private interface Steps {
		void on(Page page);
	}

	/** Launches the app for the patient, opens their one case, runs the steps; a screenshot either way. */
	private void inTheBrowser(String patientId, String name, Steps steps) {
		try (BrowserContext context = browser.context()) {
			Page page = AppBrowser.watched(context);
			try {
				AppBrowser.launchFromTheEhr(page, serverRoot(), patientId);
				page.locator("table.worklist tbody tr a").first().click();
				assertThat(page.locator(".case-facts")).containsText("Stage:");
				steps.on(page);
				AppBrowser.screenshot(page, "7-" + name);
			} catch (AssertionError | RuntimeException failure) {
				AppBrowser.screenshot(page, "failure-" + name);
				throw failure;
			}
		}
	}

	private static void tab(Page page, String name) {
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Case steps"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
	}

	/**
	 * Clicks, and once more if after a while nothing has come of it and the button is still there to click. In CI's
	 * headless Chromium (never locally) a click right after the screen was re-rendered was now and then not delivered:
	 * no request reached the server. A click that was delivered disables the button (the action runs) or removes it, so
	 * the second click only happens when the first did nothing.
	 */
	private static void clickUntilStarted(Locator button, Locator outcome) {
		button.click();
		try {
			assertThat(outcome).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(8_000));
		} catch (AssertionError notYet) {
			if (button.isVisible() && button.isEnabled()) {
				button.click();
			}
		}
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** The signed-in user's Practitioner, so the signature block has a name (as SpecialistAppIT stores it). */
	private void prescriberOnFile() {
		Practitioner signer = new Practitioner();
		signer.setId("ReferralPractitionerExample");
		signer.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567893");
		signer.addName().setFamily("Reyes").addGiven("Marco");
		signer.addQualification().getCode().setText("MD");
		client.update().resource(signer).execute();
	}

	/** AssistanceIT's dupilumab denial (not on the formulary), for a patient of its own. */
	private SeedPlan dupixentDenial(String regime) {
		SeedPlan plan = new SeedPlan("pap-" + UUID.randomUUID().toString().substring(0, 8), "/fixtures/ehr/Bundle-synthea-alejandro-riojas.json",
				"cigna", "Cigna", regime, new CodeableConcept(new Coding(SeedPlan.RXNORM, "1876376", "dupilumab")),
				new Coding(SeedPlan.ICD10, "L20.9", "Atopic dermatitis, unspecified"), "204", "Dupixent is not on the formulary of your plan.", false);
		client.transaction().withBundle(plan.transaction(fhirContext, "Reyes", "Marco", "Dermatologist")).execute();
		client.operation().onInstance("ClaimResponse/" + plan.denialId()).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
		return plan;
	}
}
