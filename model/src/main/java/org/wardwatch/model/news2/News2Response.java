package org.wardwatch.model.news2;

import org.wardwatch.model.alert.Severity;

/**
 * The RCP's clinical risk bands of an aggregate score (docs/clinical-defaults.md, "Vital signs: NEWS2"), and the
 * severity wardwatch alerts them with: 7 or more CRITICAL; 5-6, or 3 in any single parameter, WARNING; else none.
 */
public enum News2Response {
    /** 0-4 with no single parameter scoring 3. */
    LOW(Severity.NONE, "low", "Ward-based response: continue routine observations."),
    /** 0-4 with a single parameter scoring 3. */
    LOW_MEDIUM(Severity.WARNING, "low-medium (a single parameter scores 3)",
            "Urgent ward-based response: a registered nurse reviews the patient and decides whether care must change."),
    /** 5-6. */
    MEDIUM(Severity.WARNING, "medium",
            "Urgent response: a clinician competent in assessing acutely ill patients reviews the patient urgently."),
    /** 7 or more. */
    HIGH(Severity.CRITICAL, "high",
            "Emergency response: a team with critical-care competencies assesses the patient at once.");

    private final Severity severity;
    private final String risk;
    private final String rcpResponse;

    News2Response(Severity severity, String risk, String rcpResponse) {
        this.severity = severity;
        this.risk = risk;
        this.rcpResponse = rcpResponse;
    }

    public Severity severity() {
        return severity;
    }

    /** The clinical risk in the RCP's words, e.g. {@code medium}. */
    public String risk() {
        return risk;
    }

    /** What the RCP asks of staff at this band, one sentence for an e-mail. */
    public String rcpResponse() {
        return rcpResponse;
    }

    /** The band of a total with or without a single parameter scoring 3. */
    public static News2Response of(int total, boolean singleThree) {
        if (total < 0) {
            throw new IllegalArgumentException("a NEWS2 total is 0 or more, not " + total);
        }
        if (total >= 7) {
            return HIGH;
        }
        if (total >= 5) {
            return MEDIUM;
        }
        return singleThree ? LOW_MEDIUM : LOW;
    }
}
