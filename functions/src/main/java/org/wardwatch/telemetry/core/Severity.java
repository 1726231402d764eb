package org.wardwatch.telemetry.core;

/** How urgent a reading is. Ordered: a later constant is more severe. */
public enum Severity {
    NONE, WARNING, CRITICAL;

    public boolean isAlert() {
        return this != NONE;
    }
}
