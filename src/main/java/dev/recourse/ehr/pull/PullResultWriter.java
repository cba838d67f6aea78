package dev.recourse.ehr.pull;

import dev.recourse.ehr.timeline.TherapyEpisode;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** {@link PullResult} → the {@code $pull-history} output Parameters (OperationDefinition Task-pull-history). */
final class PullResultWriter {
	static final String DRUG_CLASSES = "http://recourse.dev/fhir/CodeSystem/drug-class";

	private PullResultWriter() {
	}

	static Parameters write(PullResult result) {
		Parameters parameters = new Parameters();
		result.provenanceId().ifPresent(id -> parameters.addParameter().setName("provenance").setValue(new Reference("Provenance/" + id)));
		new TreeMap<>(result.counts()).forEach((type, total) -> {
			Parameters.ParametersParameterComponent count = parameters.addParameter().setName("count");
			count.addPart().setName("resourceType").setValue(new CodeType(type));
			count.addPart().setName("total").setValue(new IntegerType(total));
			count.addPart().setName("unchanged").setValue(new IntegerType(result.unchanged().getOrDefault(type, 0)));
		});
		result.episodes().forEach(episode -> priorTherapy(parameters.addParameter().setName("priorTherapy"), episode));
		result.warnings().forEach(warning -> {
			Parameters.ParametersParameterComponent out = parameters.addParameter().setName("warning");
			warning.resourceType().ifPresent(type -> out.addPart().setName("resourceType").setValue(new CodeType(type)));
			out.addPart().setName("message").setValue(new StringType(warning.message()));
		});
		return parameters;
	}

	private static void priorTherapy(Parameters.ParametersParameterComponent out, TherapyEpisode episode) {
		out.addPart().setName("medication").setValue(episode.ingredient().copy());
		episode.drugClass().ifPresent(drugClass -> out.addPart().setName("drugClass")
				.setValue(new Coding(DRUG_CLASSES, drugClass.code(), drugClass.display())));
		out.addPart().setName("start").setValue(new DateType(episode.start().toString()));
		episode.end().ifPresent(end -> out.addPart().setName("end").setValue(new DateType(end.toString())));
		out.addPart().setName("days").setValue(new IntegerType(Math.toIntExact(episode.days())));
		out.addPart().setName("outcome").setValue(new Coding(EpisodeRecords.OUTCOMES, episode.outcome().code(), episode.outcome().display()));
		out.addPart().setName("outcomeBasis").setValue(new StringType(episode.outcomeBasis()));
		episode.sources().forEach(source -> out.addPart().setName("source").setValue(new Reference(source)));
	}
}
