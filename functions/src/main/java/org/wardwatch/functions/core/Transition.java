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
    RESOLVED
}
