package spike;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.*;
import java.util.*;
import org.hl7.fhir.r4.model.*;
import org.opencds.cqf.fhir.cr.questionnaire.QuestionnaireProcessor;
import org.opencds.cqf.fhir.utility.repository.InMemoryFhirRepository;

public class Debug {
  public static void main(String[] a) throws Exception {
    var ctx = FhirContext.forR4Cached();
    var parser = ctx.newJsonParser().setPrettyPrint(true);
    var repo = new InMemoryFhirRepository(ctx);
    for (var r : Spike.chart()) repo.update(r);
    var q = parser.parseResource(Questionnaire.class, Files.readString(Paths.get(a[0])));
    var processor = new QuestionnaireProcessor(repo);
    var ctxParam = new Parameters.ParametersParameterComponent().setName("context");
    ctxParam.addPart().setName("name").setValue(new StringType("patient"));
    ctxParam.addPart().setName("content").setValue(new Reference("Patient/p1"));
    var req = processor.buildPopulateRequest(q, "Patient/p1", List.of(ctxParam), null, null, null);
    System.out.println("REQUEST PARAMETERS:\n" + parser.encodeResourceToString((Parameters) req.getParameters()));
    System.out.println("Patient read: " + repo.read(Patient.class, new IdType("Patient/p1")).getBirthDateElement().getValueAsString());
    var qr = (QuestionnaireResponse) processor.populate(req);
    for (var it : qr.getItem())
      System.out.println("item " + it.getLinkId() + " " + it.getAnswer().stream().map(x -> x.getValue().primitiveValue()).toList());
  }
}
