package dev.recourse.pathway;

import dev.recourse.denial.PlanRegime;

/** A pathway option for one regime, with what it is sorted by before ranks are given. */
record Candidate(PathwayOption option, PlanRegime regime, int priority, int categoryIndex) {
}
