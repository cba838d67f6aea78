package dev.recourse.filing;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleRow;
import dev.recourse.pathway.PathwayCode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code rules/filing-addressees-*.yaml} (one file per {@link AddresseeFile pathway family}), loaded and checked once:
 * who receives a filing for a pathway, plan regime and state. The first row that applies in the pathway's file wins.
 * A filing that needs a state row the file does not have is refused with what is missing and the file to add it to —
 * an invented address would send a patient's appeal nowhere.
 */
@Component
public class FilingAddressees {
	/** USPS codes of the states, DC and the territories with their own insurance regulator and Medicaid agency. */
	static final Set<String> USPS_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
			"IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
			"OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP");
	private final Map<AddresseeFile, String> resources;
	private final Map<AddresseeFile, List<Row>> rows = new EnumMap<>(AddresseeFile.class);

	public FilingAddressees() {
		this(Arrays.stream(AddresseeFile.values()).collect(Collectors.toMap(Function.identity(), AddresseeFile::resource)));
	}

	/** Reads the given file for each family (tests load a broken one in place of the application's). */
	FilingAddressees(Map<AddresseeFile, String> resources) {
		this.resources = Map.copyOf(resources);
		resources.forEach((file, resource) -> rows.put(file, RuleFile.load(resource, row -> parse(row, file))));
	}

	public int size() {
		return rows().size();
	}

	/** Every row, the files in family order, each in file order. */
	List<Row> rows() {
		return rows.values().stream().flatMap(List::stream).toList();
	}

	/** The addressee of a filing; 422 naming the missing state or row, and for a pathway with nothing to file, why. */
	public Addressee find(PathwayCode pathway, PlanRegime regime, Optional<PlanState> state) {
		AddresseeFile file = AddresseeFile.of(pathway).orElseThrow(() -> missing("A " + pathway.code() + " is not a filing past the plan: it has no addressee"));
		String resource = resources.getOrDefault(file, file.resource());
		List<Row> candidates = rows.getOrDefault(file, List.of()).stream()
				.filter(row -> row.pathways().contains(pathway) && row.regimes().contains(regime)).toList();
		if (candidates.isEmpty()) {
			throw missing("No addressee for a " + pathway.code() + " filing of a " + regime.code() + " plan: add a row to " + resource);
		}
		Optional<Row> found = candidates.stream().filter(row -> row.states().isEmpty()
				|| state.filter(known -> row.states().contains(known.code())).isPresent()).findFirst();
		if (found.isEmpty() && state.isEmpty()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Coverage.extension:plan-state",
					"The plan's state is not known, and a " + pathway.code() + " filing of a " + regime.code()
							+ " plan goes to a state office: give the Coverage the extension " + PlanState.EXTENSION
							+ " or the patient a home address with its state");
		}
		Row row = found.orElseThrow(() -> missing("No addressee for a " + pathway.code() + " filing of a " + regime.code()
				+ " plan in " + state.get().code() + " (" + state.get().source() + "): add a row for " + state.get().code() + " to " + resource));
		if (row.addressee().recipient() == Addressee.Recipient.NONE) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "pathway", row.addressee().name() + " (" + row.addressee().citation() + ")");
		}
		return row.addressee();
	}

	private static RecourseException missing(String message) {
		return new RecourseException(RecourseError.UNPROCESSABLE, "pathway", message);
	}

	/** A row of {@code file}: its pathways must all be of that file's family, else another file's rows could compete. */
	static Row parse(RuleRow row, AddresseeFile file) {
		Row parsed = parse(row);
		parsed.pathways().stream().filter(pathway -> !file.pathways().contains(pathway)).findFirst().ifPresent(pathway -> {
			throw row.problem("'pathways': '" + pathway.code() + "' does not belong in this file: its rows go in "
					+ AddresseeFile.of(pathway).map(AddresseeFile::resource).orElse("no addressee file (it is not a filing past the plan)"));
		});
		return parsed;
	}

	private static Row parse(RuleRow row) {
		Set<String> unverified = new HashSet<>(row.list("unverified"));
		if (!Addressee.CONTACT_FIELDS.containsAll(unverified)) {
			throw row.problem("'unverified' names fields of " + Addressee.CONTACT_FIELDS + " only");
		}
		Addressee.Recipient recipient;
		try {
			recipient = Addressee.Recipient.fromCode(row.required("recipient"));
		} catch (IllegalArgumentException e) {
			throw row.problem(e.getMessage());
		}
		if (recipient == Addressee.Recipient.OFFICE && row.list("address").isEmpty() && row.optional("phone") == null && row.optional("web") == null) {
			throw row.problem("an office needs an address, a phone or a web page");
		}
		Addressee addressee = new Addressee(recipient, row.required("name"), row.list("address"), row.optional("phone"),
				row.optional("fax"), row.optional("web"), row.optional("email"), unverified, row.optional("process"),
				row.required("citation"), row.required("source"), row.confidence(), row.optional("jurisdiction"));
		List<String> states = row.list("states");
		states.stream().filter(state -> !USPS_STATES.contains(state)).findFirst().ifPresent(state -> {
			throw row.problem("'states': '" + state + "' is not a USPS state code (upper case, e.g. CA)");
		});
		return new Row(codes(row, "pathways", PathwayCode::fromCode), codes(row, "regimes", PlanRegime::fromCode),
				Set.copyOf(states), addressee);
	}

	private static <T> Set<T> codes(RuleRow row, String key, Function<String, T> parse) {
		List<String> values = row.list(key);
		if (values.isEmpty()) {
			throw row.problem("missing '" + key + "'");
		}
		try {
			return Set.copyOf(values.stream().map(parse).toList());
		} catch (RuntimeException e) {
			throw row.problem("'" + key + "': " + e.getMessage());
		}
	}

	record Row(Set<PathwayCode> pathways, Set<PlanRegime> regimes, Set<String> states, Addressee addressee) {
	}
}
