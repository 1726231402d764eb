package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.service.AlertRecordStore.Pending;
import org.wardwatch.functions.service.AlertRecordStore.Stored;

/**
 * Sends the notifications of an alert record's outbox (functions/README.md, "Acknowledgement and escalation"), for
 * the escalation check and the acknowledgement alike:
 * <ol>
 *   <li>a change is decided on the record as stored; the record it gives, its new notifications and the record's
 *       free pending ones (never claimed, or their claim lapsed), each claimed until {@code now + CLAIM}, are
 *       written in one write conditioned on the record's version; a lost race re-reads and decides again (the
 *       winner's steps are then counted as sent, its notifications claimed: none is sent twice);</li>
 *   <li>each notification claimed is published, then written out of the outbox (a lost race re-reads and takes it
 *       out of the latest); one whose publish failed is released (no claim) for the next check, and counted.</li>
 * </ol>
 * A sender that dies between a publish and the write after it leaves its claim, which lapses after
 * {@link EscalationService#CLAIM}: that notification is then sent a second time, the one case of a second send.
 *
 * <p>Acknowledgement and resolution stop what is pending: a step's notification ({@code S#<clockFrom>#<n>}) that
 * is not claimed is dropped once its record is closed, acknowledged, or its clock restarted (a change of severity).
 */
final class RecordOutbox {

    /** How many times a write lost to another invocation is re-read and re-applied before giving up. */
    static final int ATTEMPTS = 8;

    private static final System.Logger LOG = System.getLogger(RecordOutbox.class.getName());

    private final AlertRecordStore records;
    private final AlertPublisher publisher;

    RecordOutbox(AlertRecordStore records, AlertPublisher publisher) {
        this.records = records;
        this.publisher = publisher;
    }

    /** A change of a record: the record after it, and the notifications it adds (rendered, keyed). */
    record Change(AlertRecord record, List<OutgoingAlert> notifications) {
    }

    /**
     * What sending did.
     *
     * @param record  the record as this sender last wrote or read it
     * @param sent    the keys of the notifications published
     * @param failed  how many publishes failed (left pending, free)
     */
    record Outcome(AlertRecord record, List<String> sent, int failed) {
    }

    /** The outbox key of a policy step's notification: {@code S#<clockFrom>#<n>}, n its index from 0. */
    static String stepKey(AlertRecord record, int step) {
        return "S#" + record.clockFrom() + "#" + step;
    }

    /** The outbox key of an acknowledgement's notification. */
    static String acknowledgementKey(Instant acknowledgedAt) {
        return "A#" + acknowledgedAt;
    }

    /**
     * Applies {@code change} to the record (empty: nothing to change), claims and publishes what is due.
     *
     * @param change decides on the record as stored; may throw to refuse (nothing is written)
     */
    Outcome send(Stored stored, Function<AlertRecord, Optional<Change>> change, Instant now) {
        String alertId = stored.record().alertId();
        Stored current = stored;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Change> decided = change.apply(current.record());
            AlertRecord next = decided.map(Change::record).orElse(current.record());
            List<Pending> kept = current.pending().stream().filter(p -> stillDue(next, p, now)).toList();
            List<Pending> pending = new ArrayList<>();
            List<OutgoingAlert> claimed = new ArrayList<>();
            Instant until = now.plus(EscalationService.CLAIM);
            for (Pending p : kept) {
                if (p.claimedAt(now)) {
                    pending.add(p);
                } else {
                    pending.add(new Pending(p.alert(), until));
                    claimed.add(p.alert());
                }
            }
            for (OutgoingAlert n : decided.map(Change::notifications).orElse(List.of())) {
                pending.add(new Pending(n, until));
                claimed.add(n);
            }
            if (decided.isEmpty() && claimed.isEmpty() && kept.size() == current.pending().size()) {
                return new Outcome(current.record(), List.of(), 0);
            }
            if (records.write(current, next, pending)) {
                return publish(new Stored(next, current.version() + 1, pending), claimed);
            }
            Optional<Stored> latest = records.find(alertId);
            if (latest.isEmpty()) {
                throw new IllegalStateException("alert " + alertId + ": its record disappeared while written");
            }
            current = latest.get();
        }
        throw new IllegalStateException("alert " + alertId + ": its record was written by others " + ATTEMPTS
                + " times in a row; its notifications not claimed");
    }

    /**
     * A pending notification still to be sent: one being sent (claimed), an acknowledgement's, or a step of the
     * record's current clock while it is open and unacknowledged.
     */
    private static boolean stillDue(AlertRecord record, Pending p, Instant now) {
        String key = p.alert().key();
        if (p.claimedAt(now) || !key.startsWith("S#")) {
            return true;
        }
        return record.open() && !record.acknowledged() && key.startsWith("S#" + record.clockFrom() + "#");
    }

    private Outcome publish(Stored written, List<OutgoingAlert> claimed) {
        Stored current = written;
        List<String> sent = new ArrayList<>();
        int failed = 0;
        for (OutgoingAlert alert : claimed) {
            boolean published;
            try {
                publisher.publish(alert);
                published = true;
                sent.add(alert.key());
            } catch (RuntimeException e) {
                published = false;
                failed++;
                LOG.log(System.Logger.Level.WARNING, "alert {0}: notification {1} not sent ({2}), left pending "
                        + "for the next check", written.record().alertId(), alert.key(), e.getClass().getSimpleName());
            }
            current = settle(current, alert.key(), published);
        }
        return new Outcome(current.record(), List.copyOf(sent), failed);
    }

    /** Takes the notification {@code key} out of the outbox (sent), or releases its claim (not sent). */
    private Stored settle(Stored written, String key, boolean sent) {
        Stored current = written;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Pending> next = new ArrayList<>();
            boolean found = false;
            for (Pending p : current.pending()) {
                if (p.alert().key().equals(key)) {
                    found = true;
                    if (!sent) {
                        next.add(new Pending(p.alert(), null));
                    }
                } else {
                    next.add(p);
                }
            }
            if (!found) {
                return current;
            }
            if (records.write(current, current.record(), next)) {
                return new Stored(current.record(), current.version() + 1, next);
            }
            String alertId = current.record().alertId();
            current = records.find(alertId).orElseThrow(() -> new IllegalStateException("alert " + alertId
                    + ": its record disappeared while written"));
        }
        throw new IllegalStateException("alert " + current.record().alertId() + ": its record was written by others "
                + ATTEMPTS + " times in a row; notification " + key + (sent ? " sent" : " not sent")
                + " and still claimed");
    }
}
