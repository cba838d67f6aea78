package dev.recourse.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RuleFileException;
import dev.recourse.pathway.PathwayCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/filing-addressees-*.yaml: who receives each filing, by regime and state; a gap is a 422 naming the file, never a guess. */
class FilingAddresseesTest {
	private static final FilingAddressees ADDRESSEES = new FilingAddressees();
	private static final Optional<PlanState> NY = Optional.of(new PlanState("NY", "the patient's address"));

	@Test
	void eachFamilyFile_holdsItsRows_everyRowKeptWhenTheFileWasSplit() {
		// 77 rows (26, 26, 25) when rules/filing-addressees.yaml was split into the three files; one a file per state since: SC, AL, LA, KY, OR, OK, CT, UT, IA, NV, AR, MS, KS, NM, NE, ID, WV, HI, NH, ME, MT, RI, DE, SD, ND, AK, VT, WY, DC
		assertThat(rowsOf(AddresseeFile.EXTERNAL_REVIEW)).isEqualTo(55);
		assertThat(rowsOf(AddresseeFile.FAIR_HEARING)).isEqualTo(56);
		assertThat(rowsOf(AddresseeFile.COMPLAINT)).isEqualTo(54);
		assertThat(ADDRESSEES.size()).isEqualTo(165);
	}

	private static int rowsOf(AddresseeFile file) {
		return new FilingAddressees(Map.of(file, file.resource())).size();
	}

	@Test
	void everyRowCitesItsSource_citationAndConfidence() {
		assertThat(ADDRESSEES.rows()).allSatisfy(row -> {
			assertThat(row.addressee().source()).as(row.addressee().name()).isNotBlank();
			assertThat(row.addressee().citation()).as(row.addressee().name()).isNotBlank();
			assertThat(row.addressee().confidence()).as(row.addressee().name()).isNotNull();
		});
	}

	@Test
	void everyStateRow_namesValidUspsCodes_andAnAddressTheLetterCanUse() {
		assertThat(ADDRESSEES.rows()).flatExtracting(FilingAddressees.Row::states).isNotEmpty()
				.allSatisfy(state -> assertThat(FilingAddressees.USPS_STATES).contains(state));
		// an office row without a mailing address either takes filings online or by telephone, or leaves the gap marked
		assertThat(ADDRESSEES.rows()).filteredOn(row -> row.addressee().recipient() == Addressee.Recipient.OFFICE)
				.allSatisfy(row -> assertThat(row.addressee().web() != null || row.addressee().phone() != null || !row.addressee().address().isEmpty())
						.as(row.addressee().name()).isTrue());
	}

	@Test
	void noTwoRows_forTheSamePathwayRegimeAndState() {
		Map<String, String> seen = new HashMap<>();
		for (FilingAddressees.Row row : ADDRESSEES.rows()) {
			Set<String> states = row.states().isEmpty() ? Set.of("any state") : row.states();
			for (PathwayCode pathway : row.pathways()) {
				for (PlanRegime regime : row.regimes()) {
					for (String state : states) {
						String key = pathway.code() + "/" + regime.code() + "/" + state;
						assertThat(seen.put(key, row.addressee().name())).as(key + " also in " + row.addressee().name()).isNull();
					}
				}
			}
		}
	}

	@ParameterizedTest(name = "{0} of a {1} plan in {2}")
	@CsvSource(delimiter = '|', value = {
			"external-review | aca-individual | CA | California Department of Managed Health Care",
			"expedited-external-review | erisa-insured | CA | California Department of Managed Health Care",
			"external-review | erisa-insured | FL | HHS Federal External Review Request",
			"external-review | aca-individual | PA | Pennsylvania Insurance Department, Independent External Review",
			"external-review | erisa-insured | IL | Illinois Department of Insurance, External Review",
			"external-review | aca-individual | NC | North Carolina Department of Insurance",
			"state-fair-hearing | medicaid-managed-care | CA | California Department of Social Services",
			"state-fair-hearing | medicaid-ffs | CA | California Department of Social Services",
			"state-fair-hearing | medicaid-managed-care | FL | Florida Agency for Health Care Administration",
			"state-fair-hearing | medicaid-managed-care | PA | The Medicaid managed care plan",
			"state-fair-hearing | medicaid-managed-care | IL | Illinois Department of Healthcare and Family Services",
			"state-fair-hearing | medicaid-managed-care | TX | The Medicaid managed care organization",
			"regulator-complaint | erisa-insured | CA | California Department of Managed Health Care",
			"regulator-complaint | aca-individual | FL | Florida Department of Financial Services",
			"regulator-complaint | erisa-insured | PA | Pennsylvania Insurance Department, Bureau of Consumer Services",
			"regulator-complaint | aca-individual | IL | Illinois Department of Insurance, Consumer Services",
			"regulator-complaint | erisa-insured | OH | Ohio Department of Insurance",
			"regulator-complaint | aca-individual | GA | Georgia Office of Commissioner of Insurance",
			"regulator-complaint | erisa-insured | NC | North Carolina Department of Insurance",
			"external-review | erisa-insured | OH | The health plan issuer",
			"external-review | aca-individual | GA | Georgia Office of Commissioner of Insurance and Safety Fire (independent review)",
			"external-review | erisa-insured | MI | Michigan Department of Insurance and Financial Services, Office of General Counsel",
			"expedited-external-review | aca-individual | NJ | New Jersey Department of Banking and Insurance, Independent Health Care Appeals Program",
			"external-review | erisa-insured | VA | Virginia State Corporation Commission, Bureau of Insurance, External Review",
			"external-review | aca-individual | WA | The health carrier (Washington",
			"external-review | erisa-insured | AZ | The insurer (Arizona",
			"external-review | aca-individual | MA | Massachusetts Health Policy Commission, Office of Patient Protection",
			"external-review | erisa-insured | TN | The health carrier (Tennessee",
			"external-review | aca-individual | IN | The insurer or HMO (Indiana",
			"external-review | erisa-insured | MD | Maryland Insurance Administration, Appeals and Grievance Unit",
			"external-review | aca-individual | MO | Missouri Department of Commerce and Insurance (independent review)",
			"external-review | erisa-insured | WI | The insurer (Wisconsin",
			"external-review | aca-individual | CO | The carrier (Colorado",
			"external-review | erisa-insured | MN | Minnesota Department of Commerce, Enforcement Division",
			"state-fair-hearing | medicaid-managed-care | OH | Ohio Department of Job and Family Services, Bureau of State Hearings",
			"state-fair-hearing | medicaid-ffs | OH | Ohio Department of Job and Family Services, Bureau of State Hearings",
			"state-fair-hearing | medicaid-ffs | MI | Michigan Office of Administrative Hearings and Rules, Benefit Services Division (MOAHR-BSD)",
			"state-fair-hearing | medicaid-managed-care | MI | Michigan Office of Administrative Hearings and Rules, Benefit Services Division (managed care",
			"state-fair-hearing | medicaid-managed-care | VA | Virginia Department of Medical Assistance Services, Appeals Division",
			"state-fair-hearing | medicaid-ffs | WA | Washington Office of Administrative Hearings",
			"state-fair-hearing | medicaid-ffs | AZ | Arizona Health Care Cost Containment System (AHCCCS)",
			"state-fair-hearing | medicaid-managed-care | MA | MassHealth, Office of Medicaid, Board of Hearings",
			"state-fair-hearing | medicaid-ffs | TX | Texas Medicaid & Healthcare Partnership (TMHP)",
			"state-fair-hearing | medicaid-ffs | PA | The office of the Department of Human Services that sent the notice",
			"state-fair-hearing | medicaid-ffs | IL | Illinois Department of Healthcare and Family Services, Bureau of Administrative Hearings",
			"state-fair-hearing | medicaid-managed-care | GA | The care management organization (Georgia",
			"state-fair-hearing | medicaid-managed-care | NC | North Carolina Office of Administrative Hearings",
			"state-fair-hearing | medicaid-ffs | NC | North Carolina Office of Administrative Hearings",
			"state-fair-hearing | medicaid-managed-care | TN | TennCare Member Medical Appeals",
			"state-fair-hearing | medicaid-ffs | IN | Indiana Office of Administrative Law Proceedings, FSSA Hearings",
			"state-fair-hearing | medicaid-managed-care | MD | Maryland Department of Health, Maryland Medicaid",
			"state-fair-hearing | medicaid-managed-care | WI | Wisconsin Department of Administration, Division of Hearings and Appeals",
			"state-fair-hearing | medicaid-ffs | CO | Colorado Office of Administrative Courts",
			"state-fair-hearing | medicaid-managed-care | MN | Minnesota Department of Human Services, Appeals Division",
			"state-fair-hearing | medicaid-ffs | NJ | New Jersey Division of Medical Assistance and Health Services",
			"state-fair-hearing | medicaid-managed-care | MO | Missouri Department of Social Services, Division of Legal Services, Hearings Unit",
			"regulator-complaint | erisa-insured | MI | Michigan Department of Insurance and Financial Services (DIFS)",
			"regulator-complaint | aca-individual | NJ | New Jersey Department of Banking and Insurance, Division of Insurance",
			"regulator-complaint | erisa-insured | VA | Virginia State Corporation Commission, Bureau of Insurance, Life and Health Division",
			"regulator-complaint | aca-individual | WA | Washington State Office of the Insurance Commissioner",
			"regulator-complaint | erisa-insured | AZ | Arizona Department of Insurance and Financial Institutions",
			"regulator-complaint | aca-individual | MA | Massachusetts Division of Insurance",
			"regulator-complaint | erisa-insured | TN | Tennessee Department of Commerce and Insurance",
			"regulator-complaint | aca-individual | IN | Indiana Department of Insurance",
			"regulator-complaint | erisa-insured | MD | Maryland Insurance Administration, Consumer Complaint Investigation",
			"regulator-complaint | aca-individual | MO | Missouri Department of Commerce and Insurance, Consumer Affairs",
			"regulator-complaint | erisa-insured | WI | Wisconsin Office of the Commissioner of Insurance",
			"regulator-complaint | aca-individual | CO | Colorado Division of Insurance",
			"regulator-complaint | erisa-insured | MN | Minnesota Department of Commerce, Consumer Services Center",
			"external-review | aca-individual | SC | The health carrier (South Carolina",
			"expedited-external-review | erisa-insured | SC | The health carrier (South Carolina",
			"state-fair-hearing | medicaid-managed-care | SC | South Carolina Department of Health and Human Services, Office of Appeals and Hearings",
			"state-fair-hearing | medicaid-ffs | SC | South Carolina Department of Health and Human Services, Office of Appeals and Hearings",
			"regulator-complaint | erisa-insured | SC | South Carolina Department of Insurance, Office of Consumer Services",
			"external-review | aca-individual | AL | HHS Federal External Review Request, MAXIMUS Federal Services (Alabama",
			"expedited-external-review | erisa-insured | AL | HHS Federal External Review Request, MAXIMUS Federal Services (Alabama",
			"state-fair-hearing | medicaid-ffs | AL | Alabama Medicaid Agency (fair hearing requests)",
			"regulator-complaint | aca-individual | AL | Alabama Department of Insurance, Consumer Services Division",
			"external-review | erisa-insured | LA | The health insurance issuer (Louisiana",
			"state-fair-hearing | medicaid-managed-care | LA | Louisiana Division of Administrative Law, Health and Hospitals Section",
			"state-fair-hearing | medicaid-ffs | LA | Louisiana Division of Administrative Law, Health and Hospitals Section",
			"regulator-complaint | aca-individual | LA | Louisiana Department of Insurance (consumer complaints)",
			"external-review | aca-individual | KY | The insurer (Kentucky",
			"state-fair-hearing | medicaid-managed-care | KY | Kentucky Cabinet for Health and Family Services, Division of Administrative Hearings",
			"state-fair-hearing | medicaid-ffs | KY | Kentucky Cabinet for Health and Family Services, Division of Administrative Hearings",
			"regulator-complaint | erisa-insured | KY | Kentucky Department of Insurance, Consumer Protection Division",
			"external-review | erisa-insured | OR | The insurer (Oregon",
			"state-fair-hearing | medicaid-managed-care | OR | Oregon Health Authority, Oregon Health Plan hearings",
			"state-fair-hearing | medicaid-ffs | OR | Oregon Health Authority, Oregon Health Plan hearings",
			"regulator-complaint | aca-individual | OR | Oregon Division of Financial Regulation, Consumer Advocacy",
			"external-review | aca-individual | OK | Oklahoma Insurance Department, External Review",
			"expedited-external-review | erisa-insured | OK | Oklahoma Insurance Department, External Review",
			"state-fair-hearing | medicaid-ffs | OK | Oklahoma Health Care Authority (SoonerCare member appeals",
			"regulator-complaint | erisa-insured | OK | Oklahoma Insurance Department, Consumer Assistance Division",
			"external-review | aca-individual | CT | Connecticut Insurance Department, External Review Program",
			"expedited-external-review | erisa-insured | CT | Connecticut Insurance Department, External Review Program",
			"state-fair-hearing | medicaid-managed-care | CT | Connecticut Department of Social Services, Office of Legal Counsel",
			"state-fair-hearing | medicaid-ffs | CT | Connecticut Department of Social Services, Office of Legal Counsel",
			"regulator-complaint | aca-individual | CT | Connecticut Insurance Department, Consumer Affairs Division",
			"external-review | aca-individual | UT | Utah Insurance Department, Health Benefit Plan Independent Review",
			"expedited-external-review | erisa-insured | UT | Utah Insurance Department, Health Benefit Plan Independent Review",
			"state-fair-hearing | medicaid-managed-care | UT | Utah Department of Health and Human Services, Office of Administrative Hearings",
			"state-fair-hearing | medicaid-ffs | UT | Utah Department of Health and Human Services, Office of Administrative Hearings",
			"regulator-complaint | erisa-insured | UT | Utah Insurance Department, Consumer Services",
			"external-review | aca-individual | IA | Iowa Insurance Division, External Review",
			"expedited-external-review | erisa-insured | IA | Iowa Insurance Division, External Review",
			"state-fair-hearing | medicaid-managed-care | IA | Iowa Department of Health and Human Services, Appeals",
			"state-fair-hearing | medicaid-ffs | IA | Iowa Department of Health and Human Services, Appeals",
			"regulator-complaint | aca-individual | IA | Iowa Insurance Division, Consumer Complaints",
			"external-review | aca-individual | NV | Nevada Office for Consumer Health Assistance",
			"expedited-external-review | erisa-insured | NV | Nevada Office for Consumer Health Assistance",
			"state-fair-hearing | medicaid-managed-care | NV | Nevada Division of Health Care Financing and Policy",
			"state-fair-hearing | medicaid-ffs | NV | Nevada Division of Health Care Financing and Policy",
			"regulator-complaint | erisa-insured | NV | Nevada Division of Insurance, Consumer Services Section",
			"external-review | aca-individual | AR | Arkansas Insurance Department, External Review Division",
			"expedited-external-review | erisa-insured | AR | Arkansas Insurance Department, External Review Division",
			"state-fair-hearing | medicaid-managed-care | AR | Arkansas Department of Human Services, Office of Appeals and Hearings (managed care",
			"state-fair-hearing | medicaid-ffs | AR | Arkansas Department of Human Services, Office of Appeals and Hearings",
			"regulator-complaint | aca-individual | AR | Arkansas Insurance Department, Consumer Services Division",
			"external-review | aca-individual | MS | Mississippi Insurance Department, Life and Health Actuarial Division",
			"expedited-external-review | erisa-insured | MS | Mississippi Insurance Department, Life and Health Actuarial Division",
			"state-fair-hearing | medicaid-managed-care | MS | Mississippi Division of Medicaid, Office of Administrative State Hearings",
			"state-fair-hearing | medicaid-ffs | MS | Mississippi Division of Medicaid, Office of Administrative State Hearings",
			"regulator-complaint | erisa-insured | MS | Mississippi Insurance Department, Consumer Services Division",
			"external-review | aca-individual | KS | Kansas Insurance Department, Consumer Assistance Division (independent medical review)",
			"expedited-external-review | erisa-insured | KS | Kansas Insurance Department, Consumer Assistance Division (independent medical review)",
			"state-fair-hearing | medicaid-managed-care | KS | Kansas Office of Administrative Hearings",
			"state-fair-hearing | medicaid-ffs | KS | Kansas Office of Administrative Hearings",
			"regulator-complaint | aca-individual | KS | Kansas Insurance Department, Consumer Assistance Division",
			"external-review | aca-individual | NM | New Mexico Office of Superintendent of Insurance, Managed Health Care Bureau (external review)",
			"expedited-external-review | erisa-insured | NM | New Mexico Office of Superintendent of Insurance, Managed Health Care Bureau (external review)",
			"state-fair-hearing | medicaid-managed-care | NM | New Mexico Health Care Authority, Office of Fair Hearings",
			"state-fair-hearing | medicaid-ffs | NM | New Mexico Health Care Authority, Office of Fair Hearings",
			"regulator-complaint | erisa-insured | NM | New Mexico Office of Superintendent of Insurance, Managed Health Care Bureau (complaints)",
			"external-review | aca-individual | NE | Nebraska Department of Insurance, External Review",
			"expedited-external-review | erisa-insured | NE | Nebraska Department of Insurance, External Review",
			"state-fair-hearing | medicaid-managed-care | NE | Nebraska Department of Health and Human Services, MLTC Appeal Coordinator",
			"regulator-complaint | aca-individual | NE | Nebraska Department of Insurance, Insurance Complaint Division",
			"external-review | aca-individual | ID | Idaho Department of Insurance, External Review",
			"expedited-external-review | erisa-insured | ID | Idaho Department of Insurance, External Review",
			"state-fair-hearing | medicaid-ffs | ID | Idaho Department of Health and Welfare, Division of Medicaid, Medicaid Appeals",
			"regulator-complaint | erisa-insured | ID | Idaho Department of Insurance, Consumer Affairs",
			"external-review | aca-individual | WV | West Virginia Offices of the Insurance Commissioner, Independent External Review",
			"expedited-external-review | erisa-insured | WV | West Virginia Offices of the Insurance Commissioner, Independent External Review",
			"state-fair-hearing | medicaid-managed-care | WV | West Virginia Board of Review",
			"state-fair-hearing | medicaid-ffs | WV | West Virginia Board of Review",
			"regulator-complaint | aca-individual | WV | West Virginia Offices of the Insurance Commissioner, Consumer Services Division",
			"external-review | aca-individual | HI | Hawaii Insurance Division, Insurance Commissioner (external review)",
			"expedited-external-review | erisa-insured | HI | Hawaii Insurance Division, Insurance Commissioner (external review)",
			"state-fair-hearing | medicaid-managed-care | HI | Hawaii Department of Human Services, Administrative Appeals Office",
			"state-fair-hearing | medicaid-ffs | HI | Hawaii Department of Human Services, Administrative Appeals Office",
			"regulator-complaint | erisa-insured | HI | Hawaii Insurance Division, Compliance and Enforcement Branch (complaints)",
			"external-review | aca-individual | NH | New Hampshire Insurance Department, External Review Unit",
			"expedited-external-review | erisa-insured | NH | New Hampshire Insurance Department, External Review Unit",
			"state-fair-hearing | medicaid-managed-care | NH | New Hampshire Department of Health and Human Services, Administrative Appeals Unit",
			"state-fair-hearing | medicaid-ffs | NH | New Hampshire Department of Health and Human Services, Administrative Appeals Unit",
			"regulator-complaint | aca-individual | NH | New Hampshire Insurance Department, Consumer Services Division",
			"external-review | aca-individual | ME | Maine Bureau of Insurance, Consumer Health Care Division (independent external review)",
			"expedited-external-review | erisa-insured | ME | Maine Bureau of Insurance, Consumer Health Care Division (independent external review)",
			"state-fair-hearing | medicaid-ffs | ME | Maine Department of Health and Human Services, Division of Administrative Hearings",
			"regulator-complaint | erisa-insured | ME | Maine Bureau of Insurance (consumer complaints)",
			"external-review | aca-individual | MT | The health insurance issuer (Montana",
			"expedited-external-review | erisa-insured | MT | The health insurance issuer (Montana",
			"state-fair-hearing | medicaid-ffs | MT | Montana Department of Public Health and Human Services, Office of Fair Hearings",
			"regulator-complaint | aca-individual | MT | Montana Commissioner of Securities and Insurance (consumer complaints)",
			"external-review | aca-individual | RI | The health plan or its review agent (Rhode Island",
			"expedited-external-review | erisa-insured | RI | The health plan or its review agent (Rhode Island",
			"state-fair-hearing | medicaid-managed-care | RI | Rhode Island Executive Office of Health and Human Services, Appeals",
			"state-fair-hearing | medicaid-ffs | RI | Rhode Island Executive Office of Health and Human Services, Appeals",
			"regulator-complaint | aca-individual | RI | Rhode Island Office of the Health Insurance Commissioner",
			"external-review | aca-individual | DE | The carrier (Delaware",
			"expedited-external-review | erisa-insured | DE | The carrier (Delaware",
			"state-fair-hearing | medicaid-managed-care | DE | Delaware Division of Medicaid and Medical Assistance (DMMA), Fair Hearing Officer",
			"state-fair-hearing | medicaid-ffs | DE | Delaware Department of Health and Social Services (Medicaid fair hearing requests",
			"regulator-complaint | erisa-insured | DE | Delaware Department of Insurance, Consumer Services Division",
			"external-review | aca-individual | SD | South Dakota Division of Insurance, External Review",
			"expedited-external-review | erisa-insured | SD | South Dakota Division of Insurance, External Review",
			"state-fair-hearing | medicaid-managed-care | SD | South Dakota Department of Social Services, Office of Administrative Hearings",
			"state-fair-hearing | medicaid-ffs | SD | South Dakota Department of Social Services, Office of Administrative Hearings",
			"regulator-complaint | aca-individual | SD | South Dakota Division of Insurance (consumer complaints)",
			"external-review | aca-individual | ND | North Dakota Insurance Department (external review)",
			"expedited-external-review | erisa-insured | ND | North Dakota Insurance Department (external review)",
			"state-fair-hearing | medicaid-managed-care | ND | North Dakota Health and Human Services, Legal Advisory Unit, Appeals Supervisor",
			"state-fair-hearing | medicaid-ffs | ND | North Dakota Health and Human Services, Legal Advisory Unit, Appeals Supervisor",
			"regulator-complaint | erisa-insured | ND | North Dakota Insurance Department, Consumer Assistance Division",
			"external-review | aca-individual | AK | Alaska Division of Insurance, Consumer Services (external review)",
			"expedited-external-review | erisa-insured | AK | Alaska Division of Insurance, Consumer Services (external review)",
			"state-fair-hearing | medicaid-ffs | AK | Alaska Division of Public Assistance (Medicaid fair hearing requests",
			"regulator-complaint | aca-individual | AK | Alaska Division of Insurance, Consumer Services",
			"external-review | aca-individual | VT | Vermont Department of Financial Regulation, Healthcare External Appeal",
			"expedited-external-review | erisa-insured | VT | Vermont Department of Financial Regulation, Healthcare External Appeal",
			"state-fair-hearing | medicaid-managed-care | VT | Vermont Human Services Board",
			"state-fair-hearing | medicaid-ffs | VT | Vermont Human Services Board",
			"regulator-complaint | erisa-insured | VT | Vermont Department of Financial Regulation, Consumer Services",
			"external-review | aca-individual | WY | The insurer (Wyoming",
			"expedited-external-review | erisa-insured | WY | The insurer (Wyoming",
			"regulator-complaint | aca-individual | WY | Wyoming Department of Insurance (consumer complaints)",
			"external-review | aca-individual | DC | District of Columbia Office of Health Care Ombudsman and Bill of Rights (external review)",
			"expedited-external-review | erisa-insured | DC | District of Columbia Office of Health Care Ombudsman and Bill of Rights (external review)",
			"state-fair-hearing | medicaid-managed-care | DC | District of Columbia Office of Administrative Hearings",
			"state-fair-hearing | medicaid-ffs | DC | District of Columbia Office of Administrative Hearings",
			"regulator-complaint | aca-individual | DC | District of Columbia Department of Insurance, Securities and Banking, Consumer Services Division"})
	void aNewlyCoveredState_getsItsOwnRow(String pathway, String regime, String state, String name) {
		Addressee addressee = ADDRESSEES.find(PathwayCode.fromCode(pathway), PlanRegime.fromCode(regime), Optional.of(new PlanState(state, "test")));

		assertThat(addressee.name()).startsWith(name);
	}

	@Test
	void california_printsWhichPlansGoToTheOtherRegulator_andAnAddressTheSourceDidNotShowIsAGap() {
		Addressee dmhc = ADDRESSEES.find(PathwayCode.EXTERNAL_REVIEW, PlanRegime.ERISA_INSURED, Optional.of(new PlanState("CA", "test")));
		assertThat(dmhc.jurisdiction()).contains("California Department of Insurance");
		assertThat(dmhc.addressToFill()).isFalse();

		Addressee pid = ADDRESSEES.find(PathwayCode.EXTERNAL_REVIEW, PlanRegime.ACA_INDIVIDUAL, Optional.of(new PlanState("PA", "test")));
		assertThat(pid.address()).isEmpty();
		assertThat(pid.addressToFill()).isTrue();
		assertThat(pid.jurisdiction()).isNull();
	}

	@Test
	void georgia_hasNoRegulatorRowForAGovernmentalPlan_itsDepartmentSaysItHasNoJurisdiction() {
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.REGULATOR_COMPLAINT, PlanRegime.GOVERNMENTAL_NONFEDERAL,
				Optional.of(new PlanState("GA", "test")))).isInstanceOf(RecourseException.class).hasMessageContaining("add a row for GA");
	}

	@Test
	void alabama_hasNoManagedCareFairHearingRow_noSourceShowedWhereSuchARequestGoes() {
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.STATE_FAIR_HEARING, PlanRegime.MEDICAID_MANAGED_CARE,
				Optional.of(new PlanState("AL", "test")))).isInstanceOf(RecourseException.class).hasMessageContaining("add a row for AL");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"state-fair-hearing | medicaid-ffs | NE",
			"state-fair-hearing | medicaid-managed-care | ID",
			"state-fair-hearing | medicaid-managed-care | ME",
			"state-fair-hearing | medicaid-managed-care | MT",
			"state-fair-hearing | medicaid-managed-care | AK",
			"state-fair-hearing | medicaid-managed-care | WY",
			"state-fair-hearing | medicaid-ffs | WY"})
	void aNewStateWithoutASourcedRowForARegime_isRefusedNamingTheState(String pathway, String regime, String state) {
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.fromCode(pathway), PlanRegime.fromCode(regime),
				Optional.of(new PlanState(state, "test")))).isInstanceOf(RecourseException.class).hasMessageContaining("add a row for " + state);
	}

	@Test
	void utah_externalReviewPrintsThatTheCarrierAdministersSomePlansReview() {
		Addressee uid = ADDRESSEES.find(PathwayCode.EXTERNAL_REVIEW, PlanRegime.ERISA_INSURED, Optional.of(new PlanState("UT", "test")));

		assertThat(uid.jurisdiction()).contains("by the carrier");
		assertThat(uid.address()).containsExactly("4315 S. 2700 W., Suite 2300", "Taylorsville, UT 84129");
		assertThat(uid.isUnverified("address")).isFalse();
	}

	@Test
	void arkansas_managedCareAndFeeForServiceHearingRequestsGoToDifferentSlots_theSecondaryOneUnverified() {
		Optional<PlanState> arkansas = Optional.of(new PlanState("AR", "test"));
		Addressee ffs = ADDRESSEES.find(PathwayCode.STATE_FAIR_HEARING, PlanRegime.MEDICAID_FFS, arkansas);
		Addressee managed = ADDRESSEES.find(PathwayCode.STATE_FAIR_HEARING, PlanRegime.MEDICAID_MANAGED_CARE, arkansas);

		assertThat(ffs.address()).first().isEqualTo("P.O. Box 1437, Slot S101");
		assertThat(ffs.isUnverified("address")).isFalse();
		assertThat(managed.address()).first().isEqualTo("P.O. Box 1437, Slot N401");
		assertThat(managed.isUnverified("address")).isTrue();
	}

	@Test
	void kansas_fairHearingWithoutASourcedAddress_printsAPlaceholder() {
		Addressee oah = ADDRESSEES.find(PathwayCode.STATE_FAIR_HEARING, PlanRegime.MEDICAID_MANAGED_CARE, Optional.of(new PlanState("KS", "test")));

		assertThat(oah.address()).isEmpty();
		assertThat(oah.addressToFill()).isTrue();
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
		// PR: no territory has rows (every state and DC has some)
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.STATE_FAIR_HEARING, PlanRegime.MEDICAID_MANAGED_CARE,
				Optional.of(new PlanState("PR", "the patient's address"))))
				.isInstanceOf(RecourseException.class)
				.hasMessageContaining("in PR (the patient's address)").hasMessageContaining("add a row for PR to rules/filing-addressees-fair-hearing.yaml");
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.EXTERNAL_REVIEW, PlanRegime.ACA_INDIVIDUAL, Optional.of(new PlanState("PR", "test"))))
				.hasMessageContaining("add a row for PR to rules/filing-addressees-external-review.yaml");
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.REGULATOR_COMPLAINT, PlanRegime.ERISA_INSURED, Optional.of(new PlanState("PR", "test"))))
				.hasMessageContaining("add a row for PR to rules/filing-addressees-complaint.yaml");
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
				.isInstanceOf(RecourseException.class).hasMessageContaining("No addressee for a regulator-complaint filing of a fehb plan")
				.hasMessageContaining("add a row to rules/filing-addressees-complaint.yaml");
	}

	@Test
	void pathwayThatIsNoFiling_is422_notAnError() {
		assertThatThrownBy(() -> ADDRESSEES.find(PathwayCode.INTERNAL_APPEAL, PlanRegime.ERISA_INSURED, NY))
				.isInstanceOf(RecourseException.class).hasMessageContaining("internal-appeal is not a filing past the plan");
	}

	@Test
	void brokenRows_failNamingFileAndRow() {
		assertThatThrownBy(() -> complaintsFrom("rules/broken/filing-addressees-unverified-field.yaml"))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("row 1").hasMessageContaining("'unverified'");
		assertThatThrownBy(() -> complaintsFrom("rules/broken/filing-addressees-no-source.yaml"))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("row 1").hasMessageContaining("missing 'source'");
		assertThatThrownBy(() -> complaintsFrom("rules/broken/filing-addressees-bad-state.yaml"))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("row 1").hasMessageContaining("'Calif' is not a USPS state code");
	}

	@Test
	void rowOfAnotherFamilysPathway_failsAtLoad_namingTheFileItBelongsIn() {
		assertThatThrownBy(() -> complaintsFrom("rules/broken/filing-addressees-other-family.yaml"))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("rules/broken/filing-addressees-other-family.yaml")
				.hasMessageContaining("row 2").hasMessageContaining("'state-fair-hearing' does not belong in this file")
				.hasMessageContaining("rules/filing-addressees-fair-hearing.yaml");
	}

	private static FilingAddressees complaintsFrom(String resource) {
		return new FilingAddressees(Map.of(AddresseeFile.COMPLAINT, resource));
	}
}
