package dev.recourse.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * One case from denial to packet, as a specialist's app would drive it, each request timed on its own: the denial
 * and what it references arrive (one transaction) → {@code $open-case} → {@code $pull-history} from the fake EHR →
 * {@code $map-criteria} with the policy → the specialist answers every criterion the chart left open (a PUT of the
 * map, as {@code AssembleIT.answerOpenCriteria}) → {@code $draft-letter} for the internal appeal → the prescriber's
 * {@code $sign} (their own user token) → {@code $assemble}, which validates the packet against RecoursePacket before
 * storing it.
 */
final class PacketPath {
	private static final String INFORMATION_ORIGIN = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin";
	private static final String CRITERION_STATUS = "http://recourse.dev/fhir/StructureDefinition/criterion-status";
	private static final ObjectMapper JSON = new ObjectMapper();
	private final PacketCalls calls;
	private final PacketDenials denials;
	private final FhirContext fhir;
	private final String systemToken;
	private final String prescriberToken;
	private final String policy;
	private String lastPacket;

	/**
	 * The requests of the path, in order, with the server's request-log name of each
	 * ({@code dev.recourse.requests}: {@code <verb> <interaction> <type> <operation> -> <status> in <ms> ms}).
	 */
	enum Step {
		STORE("denial arrives (transaction)", "transaction ", Kind.SETUP),
		OPEN_CASE("$open-case", "ClaimResponse $open-case", Kind.AUTOMATED),
		PULL("$pull-history", "Task $pull-history", Kind.AUTOMATED),
		MAP("$map-criteria", "Task $map-criteria", Kind.AUTOMATED),
		ANSWER("specialist answers open criteria (PUT map)", "update QuestionnaireResponse", Kind.HUMAN),
		DRAFT("$draft-letter", "Task $draft-letter", Kind.AUTOMATED),
		SIGN("$sign (prescriber)", "DocumentReference $sign", Kind.HUMAN),
		ASSEMBLE("$assemble", "Task $assemble", Kind.AUTOMATED);

		final String label;
		/** What the request's line in the server log holds after the verb. */
		final String logName;
		final Kind kind;

		Step(String label, String logName, Kind kind) {
			this.label = label;
			this.logName = logName;
			this.kind = kind;
		}
	}

	/** AUTOMATED: a Recourse operation the app calls without a person deciding; HUMAN: a person's act; SETUP: the input. */
	enum Kind {
		SETUP, AUTOMATED, HUMAN
	}

	/**
	 * One case as the driver saw it.
	 *
	 * @param clientMs per step, request sent → body read; a step not taken (nothing left open to answer) is absent
	 * @param facts what the answers showed: resources pulled, criteria, the packet's entries…
	 */
	record CaseRun(int n, String caseId, Map<Step, Double> clientMs, Map<String, Object> facts) {}

	PacketPath(PacketCalls calls, PacketDenials denials, FhirContext fhir, String systemToken, String prescriberToken, String policy) {
		this.calls = calls;
		this.denials = denials;
		this.fhir = fhir;
		this.systemToken = systemToken;
		this.prescriberToken = prescriberToken;
		this.policy = policy;
	}

	CaseRun run(String run, int n) throws IOException, InterruptedException {
		Map<Step, Double> ms = new EnumMap<>(Step.class);
		Map<String, Object> facts = new LinkedHashMap<>();

		PacketCalls.Call stored = calls.post("", denials.caseTransaction(run, n), systemToken);
		ms.put(Step.STORE, stored.millis());
		JsonNode entries = JSON.readTree(stored.body()).path("entry");
		String patientId = idOf(entries.path(0).path("response").path("location").asText());
		String denialId = idOf(entries.path(3).path("response").path("location").asText());

		PacketCalls.Call opened = calls.post("/ClaimResponse/" + denialId + "/$open-case", PacketCalls.EMPTY_PARAMETERS, systemToken);
		ms.put(Step.OPEN_CASE, opened.millis());
		String caseId = JSON.readTree(opened.body()).path("id").asText();

		PacketCalls.Call pulled = calls.post("/Task/" + caseId + "/$pull-history", PacketCalls.EMPTY_PARAMETERS, systemToken);
		ms.put(Step.PULL, pulled.millis());
		pullFacts(JSON.readTree(pulled.body()), facts);

		PacketCalls.Call mapped = calls.post("/Task/" + caseId + "/$map-criteria",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"policy\",\"valueCanonical\":\"" + CriteriaCalls.POLICY_BASE
						+ policy + "\"}]}", systemToken);
		ms.put(Step.MAP, mapped.millis());
		Map<String, Integer> statuses = new TreeMap<>();
		int[] evidence = {0};
		CriteriaCalls.walk(JSON.readTree(mapped.body()), statuses, evidence);
		facts.put("criteria", statuses);
		facts.put("evidenceRefs", evidence[0]);

		QuestionnaireResponse map = fhir.newJsonParser().parseResource(QuestionnaireResponse.class, mapped.body());
		int answered = answerOpenCriteria(map);
		facts.put("answeredBySpecialist", answered);
		if (answered > 0) {
			ms.put(Step.ANSWER, calls.put("/QuestionnaireResponse/" + map.getIdElement().getIdPart(),
					fhir.newJsonParser().encodeResourceToString(map), systemToken).millis());
		}

		PacketCalls.Call drafted = calls.post("/Task/" + caseId + "/$draft-letter",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"pathway\",\"valueCode\":\"internal-appeal\"}]}", systemToken);
		ms.put(Step.DRAFT, drafted.millis());
		JsonNode letter = JSON.readTree(drafted.body());
		String letterId = letter.path("id").asText();
		facts.put("letterPdfBytes", attachmentSize(letter, "application/pdf"));

		PacketCalls.Call signed = calls.post("/DocumentReference/" + letterId + "/$sign", PacketCalls.EMPTY_PARAMETERS, prescriberToken);
		ms.put(Step.SIGN, signed.millis());
		facts.put("signedBy", JSON.readTree(signed.body()).path("authenticator").path("reference").asText());

		PacketCalls.Call assembled = calls.post("/Task/" + caseId + "/$assemble", PacketCalls.EMPTY_PARAMETERS, systemToken);
		ms.put(Step.ASSEMBLE, assembled.millis());
		packetFacts(JSON.readTree(assembled.body()), assembled.body().length(), facts);
		facts.put("patient", "Patient/" + patientId);
		facts.put("denial", "ClaimResponse/" + denialId);
		return new CaseRun(n, caseId, ms, facts);
	}

	/** The last packet this path assembled, as the server answered it: the driver validates it once more after the run. */
	String lastPacket() {
		return lastPacket;
	}

	/** The specialist answers every criterion the chart left open: met, an override, authored by the prescriber. */
	private static int answerOpenCriteria(QuestionnaireResponse map) {
		int answered = 0;
		for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : map.getItem()) {
			if (!item.hasAnswer()) {
				item.getExtension().removeIf(extension -> extension.getUrl().equals(CRITERION_STATUS));
				QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = item.addAnswer().setValue(new BooleanType(true));
				Extension origin = answer.addExtension().setUrl(INFORMATION_ORIGIN);
				origin.addExtension("source", new CodeType("override"));
				origin.addExtension().setUrl("author").addExtension("practitioner", new Reference(PacketDenials.PRESCRIBER));
				answer.addExtension(CRITERION_STATUS, new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/criterion-status", "met", "Met")));
				answered++;
			}
		}
		return answered;
	}

	private static void pullFacts(JsonNode out, Map<String, Object> facts) {
		int resources = 0;
		int warnings = 0;
		int episodes = 0;
		for (JsonNode parameter : out.path("parameter")) {
			switch (parameter.path("name").asText()) {
				case "count" -> {
					for (JsonNode part : parameter.path("part")) {
						if (part.path("name").asText().equals("total")) {
							resources += part.path("valueInteger").asInt();
						}
					}
				}
				case "warning" -> warnings++;
				case "priorTherapy" -> episodes++;
				default -> { }
			}
		}
		facts.put("pulledResources", resources);
		facts.put("priorTherapyEpisodes", episodes);
		facts.put("pullWarnings", warnings);
	}

	private void packetFacts(JsonNode packet, int bytes, Map<String, Object> facts) {
		Map<String, Integer> types = new TreeMap<>();
		for (JsonNode entry : packet.path("entry")) {
			types.merge(entry.path("resource").path("resourceType").asText("?"), 1, Integer::sum);
		}
		facts.put("packet", "Bundle/" + packet.path("id").asText());
		facts.put("packetEntries", packet.path("entry").size());
		facts.put("packetTypes", types);
		facts.put("packetBytes", bytes);
		facts.put("packetFirstEntry", packet.path("entry").path(0).path("resource").path("meta").path("profile").path(0).asText());
		lastPacket = packet.toString();
	}

	private static long attachmentSize(JsonNode documentReference, String contentType) {
		for (JsonNode content : documentReference.path("content")) {
			JsonNode attachment = content.path("attachment");
			if (attachment.path("contentType").asText().equals(contentType)) {
				return attachment.has("size") ? attachment.path("size").asLong() : attachment.path("data").asText().length() * 3L / 4;
			}
		}
		return -1;
	}

	/** {@code Type/id/_history/v} → id. */
	private static String idOf(String location) {
		java.util.List<String> parts = java.util.List.of(location.split("/"));
		int history = parts.indexOf("_history");
		String id = history > 0 ? parts.get(history - 1) : parts.get(parts.size() - 1);
		if (id.isBlank()) {
			throw new IllegalStateException("no id in the transaction's location " + location);
		}
		return id;
	}
}
