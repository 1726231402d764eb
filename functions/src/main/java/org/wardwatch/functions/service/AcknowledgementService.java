package org.wardwatch.functions.service;

import java.time.Instant;
import java.time.ZoneId;
import org.wardwatch.functions.core.AlertRecord;

/**
 * Acknowledges any alert (issue 15; functions/README.md, "Acknowledgement and escalation"): records who, when and
 * the note in the alert's record ({@link org.wardwatch.functions.core.AlertLedger#acknowledge}), which stops its
 * escalation, and tells everyone paged for it (tiers 1 to its highest) who took it, with an ACKNOWLEDGED
 * notification written in the record's outbox with the acknowledgement and then sent. A COLD_CHAIN alert's
 * acknowledgement is also written to the excursion log ({@link ExcursionAcknowledgements}). Replay lines and the
 * staff API call it.
 */
public final class AcknowledgementService {

    /**
     * Which alert: the open one of {@code type} at {@code place} of {@code ward} ({@code bed 12}, {@code room 3}, a
     * thing name), about {@code subject} (a metric or condition code) or, when null, the only one there.
     */
    public record Target(String ward, String place, String type, String subject) {
    }

    /**
     * An acknowledgement recorded.
     *
     * @param record   the alert's record with it
     * @param notified whether the ACKNOWLEDGED notification was sent; false: it stays pending in the record's
     *                 outbox and the next escalation check sends it
     */
    public record Acknowledged(AlertRecord record, boolean notified) {
    }

    public AcknowledgementService(String tenantId, AlertRecordStore records, AlertPublisher publisher,
                                  ExcursionAcknowledgements excursions, ZoneId zone) {
        throw new UnsupportedOperationException("issue 15: not yet");
    }

    /**
     * Acknowledges the open alert {@code target} names.
     *
     * @throws AcknowledgementRefusedException when there is none, several, or it is acknowledged already
     * @throws IllegalArgumentException when nobody is named, or the note is too long
     */
    public Acknowledged acknowledge(Target target, String by, Instant at, String note) {
        throw new UnsupportedOperationException("issue 15: not yet");
    }

    /**
     * Acknowledges the alert {@code alertId} (the staff API's way).
     *
     * @throws AcknowledgementRefusedException when there is no such alert, it is closed or acknowledged already
     */
    public Acknowledged acknowledge(String alertId, String by, Instant at, String note) {
        throw new UnsupportedOperationException("issue 15: not yet");
    }
}
