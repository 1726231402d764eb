package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wardwatch.functions.core.AlertRecord;

/**
 * Where every alert's record is kept (issue 15; functions/README.md, "Acknowledgement and escalation"): one item
 * per alert with its timeline, written whole and conditioned on its version; the open ones are also found by place
 * through a sparse index. A record also carries its pending notifications (its outbox: reminders, escalations and
 * acknowledgements rendered and not yet known to be sent), written with it in the same conditional write; a record
 * with pending notifications stays in the index after it closed, until they are sent.
 */
public interface AlertRecordStore {

    /** A record as stored, with the version writes are conditioned on, and its pending notifications. */
    record Stored(AlertRecord record, long version, List<Pending> pending) {

        public Stored {
            pending = List.copyOf(pending);
        }

        public Stored(AlertRecord record, long version) {
            this(record, version, List.of());
        }
    }

    /**
     * A notification of the record rendered and not yet known to be sent.
     *
     * @param claimedUntil while in the future, a sender is publishing it and nobody else may; null or past: free
     *                     for the next sender (a sender that failed to publish releases it, one that died leaves
     *                     the claim to lapse)
     */
    record Pending(OutgoingAlert alert, Instant claimedUntil) {

        public boolean claimedAt(Instant now) {
            return claimedUntil != null && claimedUntil.isAfter(now);
        }
    }

    /** The alert's record, read consistently; empty before its OPENED was recorded. */
    Optional<Stored> find(String alertId);

    /**
     * Every open record, and every closed one with pending notifications (from the index: a record just written may
     * be missing for a moment).
     */
    List<Stored> open();

    /**
     * The open records of {@code type} at {@code place} of {@code ward} (e.g. ICU-3, bed 12, THRESHOLD), about
     * {@code subject} (a metric or condition code), or about anything when {@code subject} is null.
     */
    List<Stored> openAt(String ward, String place, String type, String subject);

    /**
     * Writes {@code next} whole, only if the stored record is still {@code expected}'s version (null: none is
     * stored yet).
     *
     * @return false when another invocation wrote it first: read it again and re-apply
     */
    default boolean write(Stored expected, AlertRecord next) {
        return write(expected, next, expected == null ? List.of() : expected.pending());
    }

    /**
     * As {@link #write(Stored, AlertRecord)}, with {@code pending} as the record's pending notifications (replacing
     * what was stored).
     */
    boolean write(Stored expected, AlertRecord next, List<Pending> pending);
}
