package dev.recourse.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Request items from the denial's addItems, when the denied request is not on file. */
class DenialItemsTest {
	private static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	private final RequestItemRules rules = RequestItemRules.load();

	@Test
	void jCodeAddItem_givesAnItem_withProductDatePlaceQuantity_andTheRulesDefaults() {
		DenialItems items = DenialItems.of(ScratchCases.denial(), rules);

		assertThat(items.problems()).isEmpty();
		Claim.ItemComponent item = items.items().get(0);
		assertThat(item.getSequence()).isEqualTo(1);
		assertThat(item.getProductOrService().getCodingFirstRep().getCode()).isEqualTo("J2350");
		assertThat(item.getServicedDateType().getValueAsString()).isEqualTo("2026-12-01");
		assertThat(item.getLocationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("11");
		assertThat(item.getQuantity().getValue()).isEqualByComparingTo("600");
		assertThat(item.getCategory().getCodingFirstRep().getCode()).isEqualTo("1");
		assertThat(code(item, PAS + "extension-serviceItemRequestType")).isEqualTo("HS");
	}

	@Test
	void theAddItemsOwnCodes_andOrder_winOverTheRules() {
		ClaimResponse denial = ScratchCases.denial();
		ClaimResponse.AddedItemComponent added = denial.getAddItemFirstRep();
		added.addExtension(PAS + "extension-itemCategory", new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1365", "92", null)));
		added.addExtension(PAS + "extension-serviceItemRequestType", new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1525", "SC", null)));
		added.addExtension(DenialItems.REQUESTED_SERVICE, new Reference("MedicationRequest/order-1"));

		Claim.ItemComponent item = DenialItems.of(denial, rules).items().get(0);

		assertThat(item.getCategory().getCodingFirstRep().getCode()).isEqualTo("92");
		assertThat(code(item, PAS + "extension-serviceItemRequestType")).isEqualTo("SC");
		assertThat(((Reference) item.getExtensionByUrl(DenialItems.REQUESTED_SERVICE).getValue()).getReference()).isEqualTo("MedicationRequest/order-1");
	}

	@Test
	void noAddItem_isAProblem_namingTheProduct() {
		ClaimResponse denial = ScratchCases.denial();
		denial.getAddItem().clear();

		DenialItems items = DenialItems.of(denial, rules);

		assertThat(items.items()).isEmpty();
		assertThat(items.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.element()).isEqualTo("ClaimResponse.addItem.productOrService");
			assertThat(problem.message()).contains("is not on file", "names no service", "store the original PAS request");
		});
	}

	@Test
	void addItemsWithoutAProduct_areLeftOut_andSequencesFollowTheOthers() {
		ClaimResponse denial = ScratchCases.denial();
		denial.getAddItem().add(0, new ClaimResponse.AddedItemComponent().setServiced(new DateType("2026-12-01")));
		denial.addAddItem(ScratchCases.ocrelizumab());

		DenialItems items = DenialItems.of(denial, rules);

		assertThat(items.problems()).isEmpty();
		assertThat(items.items()).extracting(Claim.ItemComponent::getSequence).containsExactly(1, 2);
	}

	@Test
	void noPlaceOfService_isAProblem_namingLocation() {
		ClaimResponse denial = ScratchCases.denial();
		denial.getAddItemFirstRep().setLocation(null);
		denial.addAddItem(ScratchCases.ocrelizumab().setLocation(new Reference("Location/infusion-center")));

		List<PacketProblem> problems = DenialItems.of(denial, rules).problems();

		assertThat(problems).extracting(PacketProblem::element).containsExactly("ClaimResponse.addItem.location[x]", "ClaimResponse.addItem.location[x]");
		assertThat(problems.get(0).message()).startsWith("addItem 1:").contains("gives none");
		assertThat(problems.get(1).message()).startsWith("addItem 2:").contains("a Location instead");
	}

	@Test
	void rxNormOnly_isAProblem_withTheRulesReason() {
		ClaimResponse denial = ScratchCases.denial();
		denial.getAddItemFirstRep().setProductOrService(RequestItemRulesTest.product(RequestItemRulesTest.RXNORM, "1876311"));

		assertThat(DenialItems.of(denial, rules).problems()).extracting(PacketProblem::element).containsExactly(
				"ClaimResponse.addItem.productOrService", "ClaimResponse.addItem.extension:requestType", "ClaimResponse.addItem.extension:category");
	}

	@Test
	void aServiceTheRulesDoNotType_isAProblem_namingBothCodes() {
		ClaimResponse denial = ScratchCases.denial();
		denial.getAddItemFirstRep().setProductOrService(RequestItemRulesTest.product(ScratchCases.HCPCS, "G0154"));

		assertThat(DenialItems.of(denial, rules).problems()).extracting(PacketProblem::element)
				.containsExactly("ClaimResponse.addItem.extension:requestType", "ClaimResponse.addItem.extension:category");
	}

	private static String code(Claim.ItemComponent item, String url) {
		return ((CodeableConcept) item.getExtensionByUrl(url).getValue()).getCodingFirstRep().getCode();
	}
}
