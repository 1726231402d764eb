package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.model.tenant.SortableTime;

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
     * The records of {@code ward}, open and closed, opened in {@code [from, to)}, newest first; {@code before}, when
     * not null, a record's {@link #historyKey}: only records that sort before it (the next page of a list).
     * From an index: a record just written may be missing for a moment. Records written before the index existed
     * (before this version) are found once they are written again.
     */
    List<Stored> ofWard(String ward, Instant from, Instant to, String before);

    /** Where a record sorts in its ward's history: its opening time (UTC, fixed width) and its id. */
    static String historyKey(AlertRecord record) {
        return SortableTime.format(record.openedAt()) + "#" + record.alertId();
    }

    /** The bound of history keys at {@code at}: every key of a record opened at or after it sorts at or after it. */
    static String historyTime(Instant at) {
        return SortableTime.format(at);
    }

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
