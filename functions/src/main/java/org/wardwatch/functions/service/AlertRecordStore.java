package org.wardwatch.functions.service;

import java.util.List;
import java.util.Optional;
import org.wardwatch.functions.core.AlertRecord;

/**
 * Where every alert's record is kept (issue 15; functions/README.md, "Acknowledgement and escalation"): one item
 * per alert with its timeline, written whole and conditioned on its version; the open ones are also found by place
 * through a sparse index.
 */
public interface AlertRecordStore {

    /** A record as stored, with the version writes are conditioned on. */
    record Stored(AlertRecord record, long version) {
    }

    /** The alert's record, read consistently; empty before its OPENED was recorded. */
    Optional<Stored> find(String alertId);

    /** Every open record (from the index: a record just written may be missing for a moment). */
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
    boolean write(Stored expected, AlertRecord next);
}
