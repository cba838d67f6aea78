package dev.recourse.letter;

import dev.recourse.criteria.CriteriaMapItems;
import dev.recourse.letter.LetterContent.CriterionRow;
import dev.recourse.letter.LetterContent.Evidence;
import dev.recourse.letter.LetterContent.Statement;
import dev.recourse.letter.LetterContent.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The criteria map's side of the letter: the criteria table, the clinical summary built from the resources the map
 * cites, and the enclosures. The map is the one place the chart was judged; the letter restates it, never re-judges.
 */
final class CriteriaFacts {
	private CriteriaFacts() {
	}

	/** One row per criterion of the map, in the policy's order. */
	static List<CriterionRow> rows(QuestionnaireResponse map, Map<String, Resource> cited) {
		List<CriterionRow> rows = new ArrayList<>();
		collectRows(map.getItem(), cited, rows);
		return rows;
	}

	private static void collectRows(List<QuestionnaireResponseItemComponent> items, Map<String, Resource> cited, List<CriterionRow> rows) {
		for (QuestionnaireResponseItemComponent item : items) {
			if (CriteriaMapItems.isCriterion(item)) {
				// the policy's words; a map item without text is named by its criterion id rather than reworded
				String requirement = item.hasText() ? item.getText()
						: "Criterion " + CriteriaMapItems.criterionId(item).orElse(item.getLinkId());
				rows.add(new CriterionRow(requirement, evidence(item, cited), status(CriteriaMapItems.status(item))));
			}
			collectRows(item.getItem(), cited, rows);
		}
	}

	static Status status(String code) {
		return switch (code) {
			case "met" -> Status.MET;
			case "not-met" -> Status.NOT_MET;
			default -> Status.UNKNOWN;
		};
	}

	/** The evidence cell: each cited resource as a line with its date and {@code Type/id}; a specialist's answer as such. */
	static Fact<Evidence> evidence(QuestionnaireResponseItemComponent item, Map<String, Resource> cited) {
		List<Resource> resources = new ArrayList<>();
		Set<String> unread = new LinkedHashSet<>();
		for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
			for (Extension evidence : answer.getExtensionsByUrl(LetterCaseReader.EVIDENCE)) {
				if (evidence.getValue() instanceof Reference reference && reference.hasReference()) {
					Resource resource = cited.get(reference.getReference());
					if (resource != null) {
						resources.add(resource);
					} else {
						unread.add(reference.getReference());
					}
				}
			}
		}
		List<String> lines = new ArrayList<>();
		Optional<String> byPerson = answeredBy(item);
		byPerson.ifPresent(lines::add);
		List<LocalDate> dates = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		for (Resource resource : resources) {
			Optional<ResourceFacts.Described> described = ResourceFacts.describe(resource);
			described.ifPresent(d -> {
				lines.add(resources.size() > 1 && d.date().isPresent() ? d.text() + " (" + d.date().get() + ")" : d.text());
				d.date().ifPresent(dates::add);
			});
			sources.add(ResourceFacts.source(resource));
		}
		sources.addAll(unread);
		if (lines.isEmpty() && sources.isEmpty()) {
			return Fact.unknown();
		}
		String text = lines.isEmpty() ? "See " + String.join(", ", sources) : String.join("; ", lines);
		return Fact.of(new Evidence(text, Fact.ofNullable(dates.stream().max(Comparator.naturalOrder()).orElse(null)),
				Fact.ofNullable(sources.isEmpty() ? null : String.join(", ", sources))));
	}

	/**
	 * "Specialist's override (Dr. X): <their reason>" when a person answered: the reviewer must see it is not computed from
	 * the chart, and why the specialist answered it so.
	 */
	static Optional<String> answeredBy(QuestionnaireResponseItemComponent item) {
		if (!CriteriaMapItems.answeredByPerson(item)) {
			return Optional.empty();
		}
		for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
			Extension origin = answer.getExtensionByUrl(CriteriaMapItems.INFORMATION_ORIGIN);
			if (origin == null || origin.getExtensionByUrl("source") == null) {
				continue;
			}
			String source = origin.getExtensionByUrl("source").getValue().primitiveValue();
			String kind = "override".equals(source) ? "Specialist's override" : "Answered by the specialist";
			Optional<String> who = CriteriaMapItems.answerAuthors(item).stream()
					.map(ref -> ref.hasDisplay() ? ref.getDisplay() : ref.getReference()).filter(name -> name != null && !name.isBlank())
					.findFirst();
			Extension reason = answer.getExtensionByUrl(CriteriaMapItems.OVERRIDE_REASON);
			String why = reason != null && reason.getValue() != null && !reason.getValue().primitiveValue().isBlank()
					? ": " + reason.getValue().primitiveValue().strip() : "";
			return Optional.of(kind + who.map(name -> " (" + name + ")").orElse("") + why);
		}
		return Optional.empty();
	}

	/**
	 * The clinical summary: one statement per cited resource a line can state, with its source. Therapy episodes
	 * have their own section and documents are enclosed; the Patient's birth date is in the letter's header.
	 */
	static List<Statement> clinicalSummary(Map<String, Resource> cited) {
		List<Statement> statements = new ArrayList<>();
		for (Resource resource : cited.values()) {
			if (resource instanceof MedicationStatement || resource instanceof DocumentReference || resource instanceof Patient) {
				continue;
			}
			ResourceFacts.describe(resource).ifPresent(described -> statements.add(new Statement(
					described.text() + described.date().map(date -> ", recorded " + date).orElse(""),
					Fact.of(ResourceFacts.source(resource)))));
		}
		return statements;
	}

	/** The documents the map cites, by title, and the criteria map itself (it travels with the letter). */
	static List<String> enclosures(Optional<QuestionnaireResponse> map, Map<String, Resource> cited) {
		List<String> enclosures = new ArrayList<>();
		for (Resource resource : cited.values()) {
			if (resource instanceof DocumentReference document) {
				enclosures.add(ResourceFacts.title(document).orElse(ResourceFacts.source(document)));
			}
		}
		map.ifPresent(qr -> enclosures.add("Criteria map: the coverage policy's criteria against the chart ("
				+ ResourceFacts.source(qr) + ")"));
		return enclosures;
	}
}
