package org.wardwatch.functions.core;

/** A change in an alert's life, published once to staff. */
public enum Transition {
    /** A reading entered WARNING or CRITICAL. */
    OPENED,
    /** The severity rose. */
    ESCALATED,
    /** The severity fell but stays at WARNING or above. */
    DOWNGRADED,
    /** A reading fell below WARNING: the alert's clear end. */
    RESOLVED;

    /** The transition of an alert from severity {@code was} to a different {@code target}. */
    public static Transition between(org.wardwatch.model.alert.Severity was,
                                     org.wardwatch.model.alert.Severity target) {
        if (was == target) {
            throw new IllegalArgumentException("no transition from " + was + " to itself");
        }
        return !was.isAlert() ? OPENED : !target.isAlert() ? RESOLVED
                : target.compareTo(was) > 0 ? ESCALATED : DOWNGRADED;
    }
}
