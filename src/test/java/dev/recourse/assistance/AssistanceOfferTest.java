package dev.recourse.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The offer rule by plan regime, on the shipped programmes for adalimumab (a copay card and a free-drug programme). */
class AssistanceOfferTest {
	private final AssistanceOffer offer = new AssistanceOffer(AssistanceRules.load());
	private final List<AssistanceProgram> adalimumab = AssistancePrograms.load(ChecklistItems.load())
			.forProducts(Set.of(AssistanceProgram.RXNORM + "|327361"));

	@Test
	void commercialPlan_offersTheCopayCardAndTheFreeDrugProgramme() {
		AssistanceOffer.Result result = offer.offer(adalimumab, "erisa-insured");

		assertThat(offered(result)).containsEntry("humira-complete-savings-card", true).containsEntry("myabbvie-assist-humira", true);
	}

	@Test
	void medicarePartD_withholdsTheCopayCardWithTheAntiKickbackCaveat_andKeepsTheFreeDrugProgramme() {
		AssistanceOffer.Result result = offer.offer(adalimumab, "medicare-part-d");

		assertThat(offered(result)).containsEntry("humira-complete-savings-card", false).containsEntry("myabbvie-assist-humira", true);
		assertThat(reason(result, "humira-complete-savings-card")).contains("federal health care programme").contains("1320a-7b(b)");
		assertThat(result.caveats()).singleElement().asString().contains("Anti-Kickback").contains("Medicare");
	}

	@Test
	void medicaid_withholdsTheCopayCard() {
		assertThat(offered(offer.offer(adalimumab, "medicaid-managed-care"))).containsEntry("humira-complete-savings-card", false);
	}

	@Test
	void unknownRegime_withholdsTheCopayCardUntilThePlanIsConfirmed() {
		AssistanceOffer.Result result = offer.offer(adalimumab, "unknown");

		assertThat(offered(result)).containsEntry("humira-complete-savings-card", false);
		assertThat(reason(result, "humira-complete-savings-card")).contains("unknown");
	}

	@Test
	void fehb_isNotAFederalHealthCareProgramme_soTheCopayCardIsOffered() {
		assertThat(offered(offer.offer(adalimumab, "fehb"))).containsEntry("humira-complete-savings-card", true);
	}

	@Test
	void noProgrammes_noCaveat() {
		assertThat(offer.offer(List.of(), "medicare-part-d").caveats()).isEmpty();
	}

	private static Map<String, Boolean> offered(AssistanceOffer.Result result) {
		return result.offers().stream().collect(Collectors.toMap(o -> o.program().id(), ProgramOffer::offered));
	}

	private static String reason(AssistanceOffer.Result result, String id) {
		return result.offers().stream().filter(o -> o.program().id().equals(id)).findFirst().orElseThrow().reason();
	}
}
