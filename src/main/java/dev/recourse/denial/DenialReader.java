package dev.recourse.denial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Type;

/**
 * ClaimResponse → {@link Denial}. Collects every code that can say why (PAS reviewAction code and reasonCode,
 * adjudication reasons at claim, item, detail and added-item level, error codes) and every text (processNote,
 * disposition), each with the path it came from. It interprets nothing; {@link DenialClassifier} does.
 */
public final class DenialReader {

    private static final String REVIEW_ACTION_CODE_SHORT = "code";
    private static final String REVIEW_REASON_SHORT = "reasonCode";

    private DenialReader() {
    }

    public static Denial read(ClaimResponse claimResponse) {
        if (claimResponse == null) {
            throw new TriageException(TriageException.INVALID_INPUT, "ClaimResponse", "A denial (ClaimResponse) is required.");
        }
        List<DenialSignal> signals = new ArrayList<>();
        collectAdjudications(claimResponse, signals);
        collectErrors(claimResponse, signals);
        return new Denial(noticeDate(claimResponse), receivedDate(claimResponse), timing(claimResponse),
                isPharmacy(claimResponse, signals), signals, texts(claimResponse));
    }

    private static LocalDate noticeDate(ClaimResponse claimResponse) {
        if (!claimResponse.hasCreated()) {
            throw new TriageException(TriageException.INVALID_INPUT, "ClaimResponse.created",
                    "ClaimResponse.created (the notice date) is required: every appeal clock counts from it.");
        }
        return localDate(claimResponse.getCreatedElement());
    }

    private static LocalDate receivedDate(ClaimResponse claimResponse) {
        Extension received = claimResponse.getExtensionByUrl(CodeSystems.RECOURSE_RECEIVED_DATE);
        if (received != null && received.getValue() instanceof BaseDateTimeType date && date.getValue() != null) {
            return localDate(date);
        }
        return null;
    }

    /** The date as written, in the offset it was written with (not shifted to the server's zone). */
    static LocalDate localDate(BaseDateTimeType date) {
        return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
    }

    private static ServiceTiming timing(ClaimResponse claimResponse) {
        return claimResponse.getUse() == ClaimResponse.Use.CLAIM ? ServiceTiming.POST_SERVICE : ServiceTiming.PRE_SERVICE;
    }

    private static boolean isPharmacy(ClaimResponse claimResponse, List<DenialSignal> signals) {
        boolean pharmacyType = claimResponse.getType().getCoding().stream().anyMatch(c -> "pharmacy".equals(c.getCode()));
        return pharmacyType || signals.stream().anyMatch(s -> CodeSystems.NCPDP_REJECT.equals(s.system()));
    }

    private static void collectAdjudications(ClaimResponse claimResponse, List<DenialSignal> signals) {
        readAdjudications(claimResponse.getAdjudication(), "ClaimResponse", signals);
        for (int i = 0; i < claimResponse.getItem().size(); i++) {
            ClaimResponse.ItemComponent item = claimResponse.getItem().get(i);
            String itemPath = "ClaimResponse.item[" + i + "]";
            readAdjudications(item.getAdjudication(), itemPath, signals);
            for (int d = 0; d < item.getDetail().size(); d++) {
                readAdjudications(item.getDetail().get(d).getAdjudication(), itemPath + ".detail[" + d + "]", signals);
            }
        }
        for (int a = 0; a < claimResponse.getAddItem().size(); a++) {
            readAdjudications(claimResponse.getAddItem().get(a).getAdjudication(),
                    "ClaimResponse.addItem[" + a + "]", signals);
        }
    }

    private static void readAdjudications(List<AdjudicationComponent> adjudications, String parent,
            List<DenialSignal> signals) {
        for (int j = 0; j < adjudications.size(); j++) {
            AdjudicationComponent adjudication = adjudications.get(j);
            String path = parent + ".adjudication[" + j + "]";
            for (Extension reviewAction : adjudication.getExtensionsByUrl(CodeSystems.PAS_REVIEW_ACTION)) {
                readReviewAction(reviewAction, path + ".extension('reviewAction')", signals);
            }
            addCodes(SignalSource.ADJUDICATION_REASON, adjudication.getReason(), path + ".reason", signals);
        }
    }

    private static void readReviewAction(Extension reviewAction, String path, List<DenialSignal> signals) {
        for (Extension part : reviewAction.getExtension()) {
            String url = part.getUrl();
            if (REVIEW_ACTION_CODE_SHORT.equals(url) || CodeSystems.PAS_REVIEW_ACTION_CODE.equals(url)) {
                addCodes(SignalSource.REVIEW_ACTION, part.getValue(), path + ".code", signals);
            } else if (REVIEW_REASON_SHORT.equals(url)) {
                addCodes(SignalSource.REVIEW_REASON, part.getValue(), path + ".reasonCode", signals);
            }
        }
    }

    private static void collectErrors(ClaimResponse claimResponse, List<DenialSignal> signals) {
        for (int e = 0; e < claimResponse.getError().size(); e++) {
            addCodes(SignalSource.ERROR, claimResponse.getError().get(e).getCode(),
                    "ClaimResponse.error[" + e + "].code", signals);
        }
    }

    private static void addCodes(SignalSource source, Type value, String path, List<DenialSignal> signals) {
        for (Coding coding : codings(value)) {
            if (coding.hasCode()) {
                signals.add(new DenialSignal(source, coding.getSystem(), coding.getCode(), coding.getDisplay(), path));
            }
        }
    }

    private static List<Coding> codings(Type value) {
        if (value instanceof CodeableConcept concept) {
            return concept.getCoding();
        }
        if (value instanceof Coding coding) {
            return List.of(coding);
        }
        if (value instanceof CodeType code) {
            return List.of(new Coding(null, code.getValue(), null));
        }
        return List.of();
    }

    private static List<DenialText> texts(ClaimResponse claimResponse) {
        List<DenialText> texts = new ArrayList<>();
        for (int n = 0; n < claimResponse.getProcessNote().size(); n++) {
            String text = claimResponse.getProcessNote().get(n).getText();
            if (text != null && !text.isBlank()) {
                texts.add(new DenialText("ClaimResponse.processNote[" + n + "].text", text));
            }
        }
        if (claimResponse.hasDisposition()) {
            texts.add(new DenialText("ClaimResponse.disposition", claimResponse.getDisposition()));
        }
        return texts;
    }
}
