package dev.recourse.filing;

import dev.recourse.pathway.PathwayCode;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The rule files of filing addressees, one per family of filing pathways. Each pathway's rows live in one file only, so
 * "the first applicable row wins" holds within a file, and a missing row is reported with the one file that can fix it.
 */
public enum AddresseeFile {
	EXTERNAL_REVIEW("rules/filing-addressees-external-review.yaml",
			Set.of(PathwayCode.EXTERNAL_REVIEW, PathwayCode.EXPEDITED_EXTERNAL_REVIEW, PathwayCode.IRE_RECONSIDERATION)),
	FAIR_HEARING("rules/filing-addressees-fair-hearing.yaml", Set.of(PathwayCode.STATE_FAIR_HEARING)),
	COMPLAINT("rules/filing-addressees-complaint.yaml", Set.of(PathwayCode.REGULATOR_COMPLAINT));

	private final String resource;
	private final Set<PathwayCode> pathways;

	AddresseeFile(String resource, Set<PathwayCode> pathways) {
		this.resource = resource;
		this.pathways = pathways;
	}

	/** The classpath resource the application reads. */
	public String resource() {
		return resource;
	}

	public Set<PathwayCode> pathways() {
		return pathways;
	}

	/** The family of a filing pathway; empty for a pathway that is not filed past the plan (an appeal, an exception). */
	public static Optional<AddresseeFile> of(PathwayCode pathway) {
		return Arrays.stream(values()).filter(file -> file.pathways.contains(pathway)).findFirst();
	}
}
