package spike;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.*;
import java.util.*;
import org.hl7.fhir.r4.model.*;
import org.opencds.cqf.fhir.cr.questionnaire.QuestionnaireProcessor;
import org.opencds.cqf.fhir.utility.repository.InMemoryFhirRepository;

public class Spike {
  static final String EPISODE_CAT = "http://recourse.dev/fhir/CodeSystem/artifact-type";
  static final String OUTCOME = "http://recourse.dev/fhir/CodeSystem/therapy-outcome";

  static Date d(String s) { return java.sql.Date.valueOf(s); }

  static List<Resource> chart() {
    var out = new ArrayList<Resource>();
    var p = new Patient(); p.setId("p1"); p.setBirthDate(d("1970-05-01")); p.addName().setFamily("Spike"); out.add(p);
    String[][] conds = {{"c1","M05.79","Rheumatoid arthritis with rheumatoid factor of multiple sites"},
                        {"c2","I25.10","Atherosclerotic heart disease of native coronary artery"},
                        {"c3","G35.A","Relapsing-remitting multiple sclerosis"}};
    for (var c : conds) {
      var cond = new Condition(); cond.setId(c[0]); cond.setSubject(new Reference("Patient/p1"));
      cond.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode(c[1]).setDisplay(c[2]);
      cond.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical").setCode("active");
      out.add(cond);
    }
    // prior-therapy episodes as EpisodeRecords derives them
    String[][] eps = {{"ms1","6851","methotrexate","2025-01-01","2025-08-01","completed","completed"},
                      {"ms2","83367","atorvastatin","2026-01-05",null,"active","ongoing"},
                      {"ms3","72257","interferon beta-1a","2024-01-01","2024-09-01","stopped","stopped-inefficacy"}};
    for (var e : eps) {
      var ms = new MedicationStatement(); ms.setId(e[0]); ms.setSubject(new Reference("Patient/p1"));
      ms.getCategory().addCoding().setSystem(EPISODE_CAT).setCode("prior-therapy-episode");
      ms.setMedication(new CodeableConcept().addCoding(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", e[1], e[2])));
      var per = new Period().setStart(d(e[3])); if (e[4] != null) per.setEnd(d(e[4])); ms.setEffective(per);
      ms.setStatus(MedicationStatement.MedicationStatementStatus.fromCode(e[5]));
      ms.addStatusReason().addCoding().setSystem(OUTCOME).setCode(e[6]);
      out.add(ms);
    }
    var o = new Observation(); o.setId("o1"); o.setSubject(new Reference("Patient/p1"));
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.getCode().addCoding().setSystem("http://loinc.org").setCode("13457-7").setDisplay("LDL-C (calculated)");
    o.setEffective(new DateTimeType("2026-10-01"));
    o.setValue(new Quantity().setValue(98).setUnit("mg/dL").setSystem("http://unitsofmeasure.org").setCode("mg/dL"));
    out.add(o);
    for (var r : out) r.setId(r.fhirType() + "/" + r.getIdElement().getIdPart());
    return out;
  }

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    var ctx = FhirContext.forR4Cached();
    var parser = ctx.newJsonParser().setPrettyPrint(true);
    var repo = new InMemoryFhirRepository(ctx);
    for (var r : chart()) repo.update(r);
    var files = new ArrayList<Path>();
    try (var s = Files.list(Paths.get("../../src/main/resources/policies"))) { s.sorted().forEach(files::add); }
    var qs = new LinkedHashMap<String, Questionnaire>();
    for (var f : files) {
      var q = parser.parseResource(Questionnaire.class, Files.readString(f));
      q.setId("Questionnaire/" + q.getIdElement().getIdPart()); repo.update(q); qs.put(q.getIdElement().getIdPart(), q);
    }
    var processor = new QuestionnaireProcessor(repo);
    long tSetup = System.nanoTime();
    System.out.printf("setup (FhirContext + repo + processor): %.0f ms%n", (tSetup - t0) / 1e6);
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Files.createDirectories(Paths.get("out"));
    boolean firstOverall = true;
    for (var e : qs.entrySet()) {
      var q = e.getValue();
      long a = System.nanoTime();
      QuestionnaireResponse qr;
      try {
        qr = (QuestionnaireResponse) populate(processor, q);
      } catch (Throwable t) {
        System.out.println("POPULATE THREW for " + e.getKey() + ": " + t);
        t.printStackTrace(System.out);
        continue;
      }
      long b = System.nanoTime();
      System.out.printf("%n=== %s first populate%s: %.0f ms%n", e.getKey(), firstOverall ? " (cold JVM)" : "", (b - a) / 1e6);
      firstOverall = false;
      Files.writeString(Paths.get("out", e.getKey() + ".qr.json"), parser.encodeResourceToString(qr));
      for (var it : qr.getItem()) {
        System.out.printf("  item %-14s answers=%s ext=%s%n", it.getLinkId(),
            it.getAnswer().stream().map(x -> x.getValue() == null ? "null" : x.getValue().primitiveValue()).toList(),
            it.getExtension().stream().map(Extension::getUrl).toList());
      }
      for (var c : qr.getContained()) {
        if (c instanceof OperationOutcome oo) for (var i : oo.getIssue())
          System.out.println("  OO " + i.getSeverity() + ": " + i.getDiagnostics());
      }
      var times = new double[runs];
      for (int i = 0; i < runs; i++) {
        long x = System.nanoTime(); populate(processor, q); times[i] = (System.nanoTime() - x) / 1e6;
      }
      Arrays.sort(times);
      System.out.printf("  warm over %d runs: median %.1f ms, min %.1f, p90 %.1f, max %.1f%n", runs,
          times[runs / 2], times[0], times[(int) (runs * 0.9)], times[runs - 1]);
    }
  }

  static Object populate(QuestionnaireProcessor processor, Questionnaire q) {
    var ctxParam = new Parameters.ParametersParameterComponent().setName("context");
    ctxParam.addPart().setName("name").setValue(new StringType("patient"));
    ctxParam.addPart().setName("content").setValue(new Reference("Patient/p1"));
    return processor.populate(q, "Patient/p1", List.of(ctxParam), null, null, null);
  }
}
