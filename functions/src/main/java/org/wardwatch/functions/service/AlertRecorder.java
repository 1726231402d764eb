package org.wardwatch.functions.service;

/**
 * Records each alert transition in the alert's record before it is published (issue 15; functions/README.md,
 * "Acknowledgement and escalation"): from the rendered alert's document (type, ward, bed/room/device, metric,
 * transition, severities, device time, reason) through {@link org.wardwatch.functions.core.AlertLedger}; a lost
 * race re-reads and re-applies. Idempotent: a retried or redelivered alert records nothing twice. Notifications
 * that are not transitions of an alert (reminders, escalations, acknowledgements) are not recorded here.
 */
public final class AlertRecorder {

    private final AlertRecordStore store;

    public AlertRecorder(AlertRecordStore store) {
        this.store = store;
    }

    /** Records the transition {@code alert} carries, if it carries one. */
    public void record(OutgoingAlert alert) {
        throw new UnsupportedOperationException("contract: implemented in issue 15");
    }
}
