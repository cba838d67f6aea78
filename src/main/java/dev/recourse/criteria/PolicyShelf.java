package dev.recourse.criteria;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The policy searches' results as last read, kept while no Questionnaire on the database has changed. Loading and
 * parsing the policies was a tenth of a warm criteria map (and choosing by applicability reads every active one). A
 * policy added, versioned or deleted over the API on any instance sharing the database changes the fingerprint — count,
 * sum of versions and highest row id of HAPI's Questionnaire rows — so the next search reads the store again. When
 * the fingerprint cannot be read, nothing is kept.
 */
@Component
class PolicyShelf {
	private static final Logger log = LoggerFactory.getLogger(PolicyShelf.class);
	private static final String FINGERPRINT = "SELECT COUNT(*), COALESCE(SUM(RES_VER), 0), COALESCE(MAX(RES_ID), 0)"
			+ " FROM HFJ_RESOURCE WHERE RES_TYPE = 'Questionnaire'";
	private final JdbcTemplate jdbc;
	private volatile Shelf shelf = new Shelf("", Map.of());

	PolicyShelf(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** What the search found, from the shelf when the policies are unchanged since it was read: copies, for the caller to keep. */
	List<Questionnaire> search(String query, Supplier<List<Questionnaire>> read) {
		Optional<String> now = fingerprint();
		if (now.isEmpty()) {
			return read.get();
		}
		Shelf current = shelf.fingerprint().equals(now.get()) ? shelf : new Shelf(now.get(), new ConcurrentHashMap<>());
		shelf = current;
		List<Questionnaire> found = current.results().computeIfAbsent(query, unread -> List.copyOf(read.get()));
		return found.stream().map(Questionnaire::copy).toList();
	}

	Optional<String> fingerprint() {
		try {
			return Optional.ofNullable(jdbc.queryForObject(FINGERPRINT,
					(row, number) -> row.getLong(1) + ":" + row.getLong(2) + ":" + row.getLong(3)));
		} catch (DataAccessException unreadable) {
			log.warn("Policy fingerprint unreadable, policies read on every search: {}", unreadable.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	private record Shelf(String fingerprint, Map<String, List<Questionnaire>> results) {
	}
}
