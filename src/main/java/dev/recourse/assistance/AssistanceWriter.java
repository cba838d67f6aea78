package dev.recourse.assistance;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;

/** {@code $offer-assistance}'s answer as Parameters, in the order of its OperationDefinition. */
final class AssistanceWriter {
	private AssistanceWriter() {
	}

	static Parameters write(AssistanceAnswer answer) {
		Parameters parameters = new Parameters();
		parameters.addParameter("offered", new BooleanType(answer.offered()));
		parameters.addParameter("rationale", new StringType(answer.rationale()));
		answer.drug().ifPresent(drug -> parameters.addParameter().setName("drug").setValue(drug));
		answer.caveats().forEach(caveat -> parameters.addParameter("caveat", new StringType(caveat)));
		for (ProgramOffer offer : answer.programs()) {
			AssistanceProgram program = offer.program();
			Parameters.ParametersParameterComponent part = parameters.addParameter().setName("program");
			part.addPart().setName("id").setValue(new StringType(program.id()));
			part.addPart().setName("name").setValue(new StringType(program.name()));
			part.addPart().setName("manufacturer").setValue(new StringType(program.manufacturer()));
			part.addPart().setName("kind").setValue(new CodeType(program.kind().code()));
			part.addPart().setName("eligibility").setValue(new StringType(program.eligibility()));
			part.addPart().setName("offered").setValue(new BooleanType(offer.offered()));
			part.addPart().setName("reason").setValue(new StringType(offer.reason()));
			part.addPart().setName("url").setValue(new UriType(program.url()));
			program.phone().ifPresent(phone -> part.addPart().setName("phone").setValue(new StringType(phone)));
			part.addPart().setName("citation").setValue(new StringType(program.citation().text()
					+ " [" + program.citation().confidence() + "]"));
		}
		return parameters;
	}
}
