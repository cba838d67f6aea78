package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.recourse.denial.SourceConfidence;
import dev.recourse.filing.Addressee;
import dev.recourse.filing.MissedClock;
import dev.recourse.filing.PlanState;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/** The parts of a filing a letter of medical necessity has not, and the filing page they are rendered into. */
class FilingFactsTest {
	private static final Addressee OFFICE = new Addressee(Addressee.Recipient.OFFICE, "State Hearings Office", List.of("P.O. Box 1", "Albany, NY 12201"),
			"1-800-000-0000", null, "https://hearings.example.gov", null, Set.of("phone"), "Requests by mail or telephone.", "42 CFR 431.221",
			"https://hearings.example.gov/request", SourceConfidence.V, null);
	private static final MissedClock MISSED = new MissedClock("Task/submission-1", "internal-appeal", Instant.parse("2026-03-02T10:15:00Z"),
			Instant.parse("2026-04-01T23:59:59Z"), "29 CFR 2560.503-1(i)(2): pre-service appeal decided within 30 days",
			Optional.of("Deemed exhausted: external review is open now."), Optional.of("29 CFR 2560.503-1(l)(2)(i)"));

	@Test
	void officeAddressee_linesFromTheDataFile_unverifiedOnesMarked() {
		FilingContent.AddresseeBlock block = FilingFacts.addressee(OFFICE, Optional.empty());

		assertThat(block.name().value()).isEqualTo("State Hearings Office");
		assertThat(block.lines()).extracting(Fact::value).containsExactly("P.O. Box 1", "Albany, NY 12201",
				"Telephone 1-800-000-0000 (unverified: confirm before sending)", "https://hearings.example.gov");
	}

	@Test
	void planAddressee_isTheInsurerOnFile_itsAddressUnknownWhenItHasNone() {
		Addressee plan = new Addressee(Addressee.Recipient.PLAN, "The plan administrator", List.of(), null, null, null, null, Set.of(),
				"The plan assigns an IRO.", "29 CFR 2590.715-2719(d)", "https://example.gov", SourceConfidence.S, null);
		Organization insurer = new Organization().setName("Hudson Health Plan");

		FilingContent.AddresseeBlock block = FilingFacts.addressee(plan, Optional.of(insurer));

		assertThat(block.name().value()).isEqualTo("Hudson Health Plan");
		assertThat(block.lines()).singleElement().satisfies(line -> assertThat(line.known()).isFalse());
		assertThat(block.process()).startsWith("The plan administrator. The plan assigns an IRO.");
	}

	@Test
	void complaint_isWellFormed_statesTheMissedClock_andNoFilingDeadline() throws Exception {
		FilingContent complaint = new FilingContent(FilingContent.Kind.COMPLAINT, FilingFacts.title("regulator-complaint"),
				FilingFacts.addressee(OFFICE, Optional.empty()), FilingFacts.state(Optional.of(new PlanState("NY", "the patient's address"))),
				"The decision this filing answers: the denial on file.", FilingFacts.missed(List.of(MISSED)), Letters.complete());

		String html = new LetterRenderer().html(complaint);

		assertThatCode(() -> {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		}).doesNotThrowAnyException();
		assertThat(html).contains("Complaint about a health plan&#39;s handling of a claim").contains("State Hearings Office")
				.contains("Decision deadlines the plan missed").contains("internal-appeal request (Task/submission-1)")
				.contains("April 1, 2026 at 23:59 +00:00").contains("Deemed exhausted: external review is open now. (29 CFR 2560.503-1(l)(2)(i))")
				.contains("NY (from the patient&#39;s address)").doesNotContain("<h2>Deadline</h2>");
	}
}
