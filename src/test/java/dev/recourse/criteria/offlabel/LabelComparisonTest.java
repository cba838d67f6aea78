package dev.recourse.criteria.offlabel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.criteria.CriterionStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelComparisonTest {
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	private static final List<LabelledIndication> OCRELIZUMAB = LabelTable.load().forDrug("1876366");
	private static final Diagnosis RRMS = new Diagnosis("G35.A", "Relapsing-remitting multiple sclerosis", Optional.of("Condition/ms"));

	@Test
	void labelledDiagnosis_inAnAdult_isMet() {
		LabelComparison.Result result = compare(List.of(RRMS), Optional.of(LocalDate.of(1980, 1, 1)));

		assertThat(result.status()).isEqualTo(CriterionStatus.MET);
		assertThat(result.evidence()).containsExactly("Condition/ms", "Patient/p");
		assertThat(result.findings().get(0)).contains("G35.A", "Relapsing forms", "46 years");
	}

	@Test
	void labelledDiagnosis_inAMinor_isOffLabelByAge() {
		LabelComparison.Result result = compare(List.of(RRMS), Optional.of(LocalDate.of(2010, 3, 14)));

		assertThat(result.status()).isEqualTo(CriterionStatus.NOT_MET);
		assertThat(result.findings().get(0)).contains("only for patients aged 18 years or older", "the patient is 16 years old");
	}

	@Test
	void theDayOfTheEighteenthBirthday_isLabelled() {
		assertThat(compare(List.of(RRMS), Optional.of(TODAY.minusYears(18))).status()).isEqualTo(CriterionStatus.MET);
		assertThat(compare(List.of(RRMS), Optional.of(TODAY.minusYears(18).plusDays(1))).status()).isEqualTo(CriterionStatus.NOT_MET);
	}

	@Test
	void ppmsCodesBelowThePrefix_areLabelled() {
		Diagnosis ppmsActive = new Diagnosis("G35.B1", "", Optional.of("Condition/pp"));

		assertThat(compare(List.of(ppmsActive), Optional.of(LocalDate.of(1970, 5, 5))).status()).isEqualTo(CriterionStatus.MET);
	}

	@Test
	void diagnosisTheLabelDoesNotName_isOffLabel_citingTheDiagnoses() {
		Diagnosis nmo = new Diagnosis("G36.0", "Neuromyelitis optica", Optional.of("Condition/nmo"));

		LabelComparison.Result result = compare(List.of(nmo), Optional.of(LocalDate.of(1970, 5, 5)));

		assertThat(result.status()).isEqualTo(CriterionStatus.NOT_MET);
		assertThat(result.evidence()).containsExactly("Condition/nmo");
		assertThat(result.findings().get(0)).contains("G36.0 Neuromyelitis optica", "off-label");
	}

	@Test
	void noDiagnosis_isUnknown_withTheGap() {
		LabelComparison.Result result = compare(List.of(), Optional.of(LocalDate.of(1970, 5, 5)));

		assertThat(result.status()).isEqualTo(CriterionStatus.UNKNOWN);
		assertThat(result.gaps()).singleElement().asString().contains("ICD-10-CM");
	}

	@Test
	void labelledDiagnosis_withoutBirthDate_isUnknown_notOffLabel() {
		LabelComparison.Result result = compare(List.of(RRMS), Optional.empty());

		assertThat(result.status()).isEqualTo(CriterionStatus.UNKNOWN);
		assertThat(result.gaps()).containsExactly("The patient's date of birth");
	}

	@Test
	void infantAges_areSaidInMonths() {
		List<LabelledIndication> dupilumab = LabelTable.load().forDrug("1876376");
		Diagnosis eczema = new Diagnosis("L20.9", "Atopic dermatitis, unspecified", Optional.of("Condition/ad"));

		LabelComparison.Result result = LabelComparison.compare("dupilumab", dupilumab, List.of(eczema), Optional.of(TODAY.minusMonths(4)), "Patient/p", TODAY);

		assertThat(result.status()).isEqualTo(CriterionStatus.NOT_MET);
		assertThat(result.findings().get(0)).contains("aged 6 months or older", "the patient is 4 months old");
	}

	private static LabelComparison.Result compare(List<Diagnosis> diagnoses, Optional<LocalDate> born) {
		return LabelComparison.compare("ocrelizumab", OCRELIZUMAB, diagnoses, born, "Patient/p", TODAY);
	}
}
