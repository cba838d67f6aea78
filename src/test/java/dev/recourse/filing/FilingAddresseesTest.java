package dev.recourse.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RuleFileException;
import dev.recourse.pathway.PathwayCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** rules/filing-addressees.yaml: who receives each filing, by regime and state; a gap is a 422 naming the file, never a guess. */
class FilingAddresseesTest {
	private static final FilingAddressees ADDRESSEES = new FilingAddressees();
	private static final Optional<PlanState> NY = Optional.of(new PlanState("NY", "the patient's address"));

	@Test
	void everyRowCitesItsSource() {
		assertThat(ADDRESSEES.size()).isGreaterThanOrEqualTo(12);
	}

	@Test
	void insuredPlanInNewYork_externalReviewGoesToDfs_addressMarkedUnverified() {
		Addressee dfs = ADDRESSEES.find(PathwayCode.EXTERNAL_REVIEW, PlanRegime.ACA_INDIVIDUAL, NY);

		assertThat(dfs.recipient()).isEqualTo(Addressee.Recipient.OFFICE);
		assertThat(dfs.name()).isEqualTo("New York State Department of Financial Services, External Appeal");
		assertThat(dfs.address()).containsExactly("One Commerce Plaza", "Albany, NY 12257");
		assertThat(dfs.isUnverified("address")).isTrue();
		assertThat(dfs.isUnverified("web")).isFalse();
		assertThat(ADDRESSEES.find(PathwayCode.EXPEDITED_EXTERNAL_REVIEW, PlanRegime.ERISA_INSURED, NY)).isEqualTo(dfs);
	}

	@Test
	void selfFundedPlan_externalReviewGoesToThePlan_whateverTheState() {
		Addressee plan = ADDRESSEES.find(PathwayCode.EXTERNAL_REVIEW, PlanRegime.ERISA_SELF_FUNDED, Optional.empty());

		assertThat(plan.recipient()).isEqualTo(Addressee.Recipient.PLAN);
		assertThat(plan.citation()).contains("29 CFR 2590.715-2719(d)");
	}

	@Test
	void partD_ireGoesToC2c_medicareAdvantageHasNothingToFile() {
		Addressee ire = ADDRESSEES.find(PathwayCode.IRE_RECONSIDERATION, PlanRegime.MEDICARE_PART_D, Optional.empty());
		assertThat(ire.name()).startsWith("C2C Innovative Solutions");
		assertThat(ire.address()).containsExactly("P.O. Box 44166", "Jacksonville, FL 32231-4166");
		assertThat(ire.source()).isEqualTo("https://www.cms.gov/medicare/appeals-grievances/prescription-drug/reconsiderations");

		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.IRE_RECONSIDERATION, PlanRegime.MEDICARE_ADVANTAGE, Optional.empty()))
				.isInstanceOf(RecourseException.class).hasMessageContaining("Nothing to file").hasMessageContaining("42 CFR 422.590(a)(2), (b)(2); 422.592");
	}

	@Test
	void regulatorByRegime_ebsaForSelfFunded_cmsForMedicare_stateForInsured() {
		assertThat(ADDRESSEES.find(PathwayCode.REGULATOR_COMPLAINT, PlanRegime.ERISA_SELF_FUNDED, NY).name()).contains("Employee Benefits Security Administration");
		assertThat(ADDRESSEES.find(PathwayCode.REGULATOR_COMPLAINT, PlanRegime.MEDICARE_PART_D, Optional.empty()).phone()).isEqualTo("1-800-633-4227");
		assertThat(ADDRESSEES.find(PathwayCode.REGULATOR_COMPLAINT, PlanRegime.ERISA_INSURED, Optional.of(new PlanState("TX", "x"))).name())
				.startsWith("Texas Department of Insurance");
	}

	@Test
	void stateWithoutARow_is422NamingTheStateAndTheFile() {
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.STATE_FAIR_HEARING, PlanRegime.MEDICAID_MANAGED_CARE,
				Optional.of(new PlanState("CA", "the patient's address"))))
				.isInstanceOf(RecourseException.class)
				.hasMessageContaining("in CA (the patient's address)").hasMessageContaining("add a row for CA to rules/filing-addressees.yaml");
	}

	@Test
	void unknownState_is422NamingWhereTheStateComesFrom() {
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.STATE_FAIR_HEARING, PlanRegime.MEDICAID_MANAGED_CARE, Optional.empty()))
				.isInstanceOf(RecourseException.class)
				.satisfies(e -> assertThat(((RecourseException) e).element()).isEqualTo("Coverage.extension:plan-state"))
				.hasMessageContaining(PlanState.EXTENSION);
	}

	@Test
	void regimeWithoutAnyRow_is422() {
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.REGULATOR_COMPLAINT, PlanRegime.FEHB, NY))
				.isInstanceOf(RecourseException.class).hasMessageContaining("No addressee for a regulator-complaint filing of a fehb plan");
	}

	@Test
	void brokenRows_failNamingFileAndRow() {
		assertThatThrownBy(() -> new FilingAddressees("rules/broken/filing-addressees-unverified-field.yaml"))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("row 1").hasMessageContaining("'unverified'");
		assertThatThrownBy(() -> new FilingAddressees("rules/broken/filing-addressees-no-source.yaml"))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("row 1").hasMessageContaining("missing 'source'");
	}
}
