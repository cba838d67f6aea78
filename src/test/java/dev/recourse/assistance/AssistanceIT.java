package dev.recourse.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.packet.SeedPlan;
import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * Patient assistance over HTTP: {@code $offer-assistance} for a commercial and a Medicare Part D case of the same drug,
 * and for a denial the triage does not send to assistance; {@code $assistance-checklist} and {@code $check-item}; bad input.
 */
class AssistanceIT extends FhirIntegrationTest {
	private static final String DUPIXENT_NOT_ON_FORMULARY = "Dupixent is not on the formulary of your plan.";

	@Test
	void commercialCase_offersTheCopayCardAndTheFreeDrugProgramme() throws Exception {
		Task caseTask = openCase("erisa-insured", "204", DUPIXENT_NOT_ON_FORMULARY);

		Parameters answer = offer(caseTask);

		assertThat(((BooleanType) answer.getParameter("offered").getValue()).booleanValue()).isTrue();
		assertThat(((Coding) answer.getParameter("drug").getValue()).getCode()).isEqualTo("1876376");
		assertThat(offered(answer, "dupixent-myway-copay")).isTrue();
		assertThat(offered(answer, "dupixent-myway-pap")).isTrue();
		assertThat(part(answer, "dupixent-myway-copay", "phone")).isEqualTo("1-844-387-4936");
		assertThat(programIds(answer)).containsExactly("dupixent-myway-copay", "dupixent-myway-pap");
	}

	@Test
	void medicareCase_withholdsTheCopayCardWithTheFederalCaveat() throws Exception {
		Task caseTask = openCase("medicare-part-d", "204", DUPIXENT_NOT_ON_FORMULARY);

		Parameters answer = offer(caseTask);

		assertThat(offered(answer, "dupixent-myway-copay")).isFalse();
		assertThat(part(answer, "dupixent-myway-copay", "reason")).contains("federal health care programme").contains("1320a-7b(b)");
		assertThat(offered(answer, "dupixent-myway-pap")).isTrue();
		assertThat(answer.getParameters("caveat")).singleElement().satisfies(caveat ->
				assertThat(caveat.getValue().primitiveValue()).contains("Anti-Kickback").contains("Medicare"));

		HttpResponse<String> refused = checklistRaw(caseTask.getIdElement().getIdPart(), "dupixent-myway-copay");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refusedElement(refused)).isEqualTo("program");
	}

	@Test
	void aDenialTheTriageDoesNotSendToAssistance_offersNothing() throws Exception {
		Task caseTask = openCase("erisa-insured", "50", "Not medically necessary.");

		Parameters answer = offer(caseTask);

		assertThat(((BooleanType) answer.getParameter("offered").getValue()).booleanValue()).isFalse();
		assertThat(answer.getParameters("program")).isEmpty();
		assertThat(answer.getParameter("rationale").getValue().primitiveValue()).contains("does not open");
	}

	@Test
	void checklist_isCreatedOnce_linkedToTheCase_andTickedToCompletion() throws Exception {
		Task caseTask = openCase("erisa-insured", "204", DUPIXENT_NOT_ON_FORMULARY);

		Task checklist = startChecklist(caseTask, "dupixent-myway-pap");
		Task again = startChecklist(caseTask, "dupixent-myway-pap");

		assertThat(again.getIdElement().getIdPart()).isEqualTo(checklist.getIdElement().getIdPart());
		assertThat(again.getMeta().getVersionId()).isEqualTo(checklist.getMeta().getVersionId());
		assertThat(checklist.getPartOfFirstRep().getReference()).isEqualTo("Task/" + caseTask.getIdElement().getIdPart());
		assertThat(checklist.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		List<String> items = checklist.getInput().stream().map(input -> input.getType().getCodingFirstRep().getCode()).toList();
		assertThat(items).containsExactly("enrollment-form", "patient-signature", "prescriber-form", "income-proof", "residency-proof");
		assertThat(checklist.getInput()).allSatisfy(input -> assertThat(((BooleanType) input.getValue()).booleanValue()).isFalse());
		Task caseNow = client.read().resource(Task.class).withId(caseTask.getIdElement().getIdPart()).execute();
		assertThat(caseNow.getOutput()).anySatisfy(output ->
				assertThat(((Reference) output.getValue()).getReference()).isEqualTo("Task/" + checklist.getIdElement().getIdPart()));

		Task ticked = check(checklist, "income-proof", true);
		assertThat(ticked.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
		assertThat(ticked.getInput()).filteredOn(input -> input.getType().getCodingFirstRep().getCode().equals("income-proof"))
				.singleElement().satisfies(input -> assertThat(((BooleanType) input.getValue()).booleanValue()).isTrue());
		Task done = null;
		for (String item : items) {
			done = check(checklist, item, true);
		}
		assertThat(done.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(check(checklist, "residency-proof", false).getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
	}

	@Test
	void badInput_is4xxNamingTheElement_andWritesNothing() throws Exception {
		Task caseTask = openCase("erisa-insured", "204", DUPIXENT_NOT_ON_FORMULARY);
		Task checklist = startChecklist(caseTask, "dupixent-myway-copay");

		HttpResponse<String> noSuchItem = checkRaw(checklist.getIdElement().getIdPart(), "blood-sample");
		HttpResponse<String> noSuchProgramme = checklistRaw(caseTask.getIdElement().getIdPart(), "humira-complete-savings-card");
		HttpResponse<String> noSuchCase = send(fhirRequest("/Task/no-such-case-" + UUID.randomUUID() + "/$offer-assistance")
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
		HttpResponse<String> notAChecklist = checkRaw(caseTask.getIdElement().getIdPart(), "income-proof");

		assertThat(noSuchItem.statusCode()).isEqualTo(422);
		assertThat(refusedElement(noSuchItem)).isEqualTo("item");
		assertThat(noSuchItem.body()).contains("blood-sample");
		assertThat(noSuchProgramme.statusCode()).isEqualTo(422);
		assertThat(refusedElement(noSuchProgramme)).isEqualTo("program");
		assertThat(noSuchCase.statusCode()).isEqualTo(404);
		assertThat(notAChecklist.statusCode()).isEqualTo(422);
		assertThat(refusedElement(notAChecklist)).isEqualTo("Task.code");
		Task unchanged = client.read().resource(Task.class).withId(checklist.getIdElement().getIdPart()).execute();
		assertThat(unchanged.getMeta().getVersionId()).isEqualTo(checklist.getMeta().getVersionId());
	}

	// --- steps

	private Task openCase(String regime, String carc, String letterText) {
		SeedPlan plan = new SeedPlan("pap-" + UUID.randomUUID().toString().substring(0, 8), "/fixtures/ehr/Bundle-synthea-alejandro-riojas.json",
				"cigna", "Cigna", regime, new CodeableConcept(new Coding(SeedPlan.RXNORM, "1876376", "dupilumab")),
				new Coding(SeedPlan.ICD10, "L20.9", "Atopic dermatitis, unspecified"), carc, letterText, false);
		client.transaction().withBundle(plan.transaction(fhirContext, "Reyes", "Marco", "Dermatologist")).execute();
		return client.operation().onInstance("ClaimResponse/" + plan.denialId()).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
	}

	private Parameters offer(Task caseTask) {
		return client.operation().onInstance("Task/" + caseTask.getIdElement().getIdPart()).named("$offer-assistance")
				.withNoParameters(Parameters.class).execute();
	}

	private Task startChecklist(Task caseTask, String program) {
		Parameters in = new Parameters();
		in.addParameter().setName("program").setValue(new StringType(program));
		return client.operation().onInstance("Task/" + caseTask.getIdElement().getIdPart()).named("$assistance-checklist").withParameters(in)
				.returnResourceType(Task.class).execute();
	}

	private Task check(Task checklist, String item, boolean done) {
		Parameters in = new Parameters();
		in.addParameter().setName("item").setValue(new CodeType(item));
		in.addParameter().setName("done").setValue(new BooleanType(done));
		return client.operation().onInstance("Task/" + checklist.getIdElement().getIdPart()).named("$check-item").withParameters(in)
				.returnResourceType(Task.class).execute();
	}

	private HttpResponse<String> checklistRaw(String caseId, String program) throws Exception {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"program\",\"valueString\":\"" + program + "\"}]}";
		return send(fhirRequest("/Task/" + caseId + "/$assistance-checklist").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> checkRaw(String taskId, String item) throws Exception {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"item\",\"valueCode\":\"" + item
				+ "\"},{\"name\":\"done\",\"valueBoolean\":true}]}";
		return send(fhirRequest("/Task/" + taskId + "/$check-item").header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static List<String> programIds(Parameters answer) {
		return answer.getParameters("program").stream().map(program -> program.getPart().stream()
				.filter(part -> part.getName().equals("id")).findFirst().orElseThrow().getValue().primitiveValue()).toList();
	}

	private static boolean offered(Parameters answer, String id) {
		return Boolean.parseBoolean(part(answer, id, "offered"));
	}

	private static String part(Parameters answer, String id, String name) {
		Parameters.ParametersParameterComponent program = answer.getParameters("program").stream()
				.filter(candidate -> candidate.getPart().stream().anyMatch(part -> part.getName().equals("id") && id.equals(part.getValue().primitiveValue())))
				.findFirst().orElseThrow(() -> new AssertionError("no programme " + id));
		return program.getPart().stream().filter(part -> part.getName().equals(name)).findFirst().map(part -> part.getValue().primitiveValue()).orElse(null);
	}

}
