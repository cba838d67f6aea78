package dev.recourse.denial;

/**
 * One code found in the denial.
 *
 * @param path where it was found, FHIRPath-like, e.g. {@code ClaimResponse.item[0].adjudication[0].reason}
 */
public record DenialSignal(SignalSource source, String system, String code, String display, String path) {

    /** "CARC 50" style label for basis lines. */
    public String label() {
        return CodeTables.shortName(system) + " " + code;
    }
}
