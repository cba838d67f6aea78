package dev.recourse.demo;

import dev.recourse.denial.RuleFile;
import java.util.List;

/**
 * One demo denial, as {@code demo/situations.yaml} lists it.
 *
 * @param name the situation (its folder under {@code demo/situations/})
 * @param title what it shows, for the log
 * @param fixture the third-party fixture bundle the demo EHR serves the patient's chart from (classpath)
 * @param plan what the plan and the practice have on file: the patient as registered, the payer, the Coverage, the
 *        denied PAS request and the denial (classpath Bundle)
 * @param chart what the demo EHR holds for the patient beyond the fixture: the diagnosis, prior therapies, allergies,
 *        labs and notes the situation turns on (classpath Bundle)
 * @param receivedDaysAgo how many days before the first load the denial is dated as received; every date of plan and
 *        chart moves with it
 */
record DemoSituation(String name, String title, String fixture, String plan, String chart, int receivedDaysAgo) {

	static List<DemoSituation> read(String manifest) {
		return RuleFile.load(manifest, row -> new DemoSituation(row.required("name"), row.required("title"), row.required("fixture"),
				row.required("plan"), row.required("chart"), row.requiredInt("received-days-ago")));
	}
}
