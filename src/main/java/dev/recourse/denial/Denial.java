package dev.recourse.denial;

import java.time.LocalDate;
import java.util.List;

/**
 * What a ClaimResponse says once read: the dates clocks count from, what kind of request was denied, and
 * every code and text that may explain why.
 *
 * @param receivedDate when the notice was received, from the ClaimResponse's received-date extension; may be null
 * @param pharmacy true for a pharmacy-benefit claim (NCPDP codes or claim type pharmacy)
 */
public record Denial(LocalDate noticeDate, LocalDate receivedDate, ServiceTiming timing, boolean pharmacy,
        List<DenialSignal> signals, List<DenialText> texts) {

    public Denial {
        signals = List.copyOf(signals);
        texts = List.copyOf(texts);
    }
}
