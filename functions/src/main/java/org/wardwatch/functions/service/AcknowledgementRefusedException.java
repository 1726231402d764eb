package org.wardwatch.functions.service;

/**
 * An acknowledgement that changed nothing, with why (functions/README.md, "Acknowledgement and escalation"); the
 * message is one line for staff ("alert ... was already acknowledged by nurse-0017 at 10:06").
 */
public final class AcknowledgementRefusedException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** No open alert of that type at that place (and about that metric, when given). */
        NO_OPEN_ALERT,
        /** Several open alerts of that type at that place: the metric must say which. */
        AMBIGUOUS,
        /** No alert of that id in this tenant. */
        NO_SUCH_ALERT,
        ALREADY_ACKNOWLEDGED,
        ALERT_CLOSED
    }

    private final Reason reason;

    public AcknowledgementRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
