package org.wardwatch.functions.service;

import java.util.List;
import java.util.Optional;
import org.wardwatch.functions.core.AlertRecord;

/**
 * The real alert records seen as one ward's (every test shares the emulator's table, so a check sees only its own
 * test's ward), optionally letting another invocation run just before the {@code nth} write, which is when two
 * concurrent invocations interleave.
 */
final class WardRecords implements AlertRecordStore {

    private final AlertRecordStore records;
    private final String ward;
    private final int nth;
    private final Runnable before;
    private int writes;

    WardRecords(AlertRecordStore records, String ward) {
        this(records, ward, 0, () -> { });
    }

    WardRecords(AlertRecordStore records, String ward, int nth, Runnable before) {
        this.records = records;
        this.ward = ward;
        this.nth = nth;
        this.before = before;
    }

    /** How many writes were asked of it. */
    int writes() {
        return writes;
    }

    @Override
    public Optional<Stored> find(String alertId) {
        return records.find(alertId);
    }

    @Override
    public List<Stored> open() {
        return records.open().stream().filter(s -> ward.equals(s.record().ward())).toList();
    }

    @Override
    public List<Stored> openAt(String ward, String place, String type, String subject) {
        return records.openAt(ward, place, type, subject);
    }

    @Override
    public List<Stored> ofWard(String ward, java.time.Instant from, java.time.Instant to, String before) {
        return records.ofWard(ward, from, to, before);
    }

    @Override
    public boolean write(Stored expected, AlertRecord next, List<Pending> pending) {
        if (++writes == nth) {
            before.run();
        }
        return records.write(expected, next, pending);
    }
}
