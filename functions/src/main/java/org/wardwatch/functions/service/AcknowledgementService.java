package org.wardwatch.functions.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.wardwatch.functions.core.AlertLedger;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.EscalationNotification;
import org.wardwatch.functions.core.EscalationNotification.Event;
import org.wardwatch.functions.service.AcknowledgementRefusedException.Reason;
import org.wardwatch.model.escalation.Tiers;

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

    private final String tenantId;
    private final AlertRecordStore records;
    private final ExcursionAcknowledgements excursions;
    private final AlertRenderer renderer;
    private final RecordOutbox outbox;

    public AcknowledgementService(String tenantId, AlertRecordStore records, AlertPublisher publisher,
                                  ExcursionAcknowledgements excursions, ZoneId zone) {
        this.tenantId = tenantId;
        this.records = records;
        this.excursions = excursions;
        this.renderer = new AlertRenderer(zone);
        this.outbox = new RecordOutbox(records, publisher);
    }

    /**
     * Acknowledges the open alert {@code target} names.
     *
     * @throws AcknowledgementRefusedException when there is none, several, or it is acknowledged already
     * @throws IllegalArgumentException when nobody is named, or the note is too long
     */
    public Acknowledged acknowledge(Target target, String by, Instant at, String note) {
        List<AlertRecordStore.Stored> open = records.openAt(target.ward(), target.place(), target.type(),
                target.subject()).stream().filter(s -> s.record().open()).toList();
        String where = where(target.ward(), target.place());
        if (open.isEmpty()) {
            throw new AcknowledgementRefusedException(Reason.NO_OPEN_ALERT, "no open " + target.type() + " alert at "
                    + where + (target.subject() == null ? "" : " about " + target.subject()));
        }
        if (open.size() > 1) {
            throw new AcknowledgementRefusedException(Reason.AMBIGUOUS, open.size() + " open " + target.type()
                    + " alerts at " + where + ", about " + open.stream().map(s -> s.record().subject())
                    .collect(Collectors.joining(", ")) + ": name the metric of the one acknowledged");
        }
        return acknowledge(open.get(0), by, at, note);
    }

    /**
     * Acknowledges the alert {@code alertId} (the staff API's way).
     *
     * @throws AcknowledgementRefusedException when there is no such alert, it is closed or acknowledged already
     */
    public Acknowledged acknowledge(String alertId, String by, Instant at, String note) {
        AlertRecordStore.Stored stored = records.find(alertId).orElseThrow(() ->
                new AcknowledgementRefusedException(Reason.NO_SUCH_ALERT, "no alert " + alertId + " in this tenant"));
        return acknowledge(stored, by, at, note);
    }

    private Acknowledged acknowledge(AlertRecordStore.Stored stored, String by, Instant at, String note) {
        RecordOutbox.Outcome outcome = outbox.send(stored, current -> {
            AlertLedger.Acknowledgement a = AlertLedger.acknowledge(current, by, at, note);
            if (a.refusal().isPresent()) {
                if (a.refusal().get() == AlertLedger.Refusal.ALREADY_ACKNOWLEDGED
                        && AlertNotification.COLD_CHAIN.equals(current.type())) {
                    // A retry after the excursion's write failed: the first acknowledgement's, written now (once).
                    excursions.acknowledged(current.place(), current.acknowledgedBy(), current.acknowledgedAt(),
                            current.acknowledgementNote());
                }
                throw refused(current, a.refusal().get());
            }
            AlertRecord r = a.record();
            EscalationNotification n = new EscalationNotification(tenantId, Event.ACKNOWLEDGED, r,
                    IntStream.rangeClosed(Tiers.FIRST, r.highestTier()).boxed().toList(), at, r.acknowledgedBy(),
                    r.acknowledgementNote());
            return Optional.of(new RecordOutbox.Change(r, List.of(renderer.render(n,
                    RecordOutbox.acknowledgementKey(at)))));
        }, at);
        AlertRecord r = outcome.record();
        if (AlertNotification.COLD_CHAIN.equals(r.type())) {
            excursions.acknowledged(r.place(), r.acknowledgedBy(), at, r.acknowledgementNote());
        }
        return new Acknowledged(r, outcome.sent().contains(RecordOutbox.acknowledgementKey(at)));
    }

    private static AcknowledgementRefusedException refused(AlertRecord r, AlertLedger.Refusal refusal) {
        String alert = "alert " + r.alertId() + " (" + r.type() + " " + r.subject() + ", " + where(r.ward(), r.place())
                + ")";
        return switch (refusal) {
            case ALREADY_ACKNOWLEDGED -> new AcknowledgementRefusedException(Reason.ALREADY_ACKNOWLEDGED,
                    alert + " was already acknowledged by " + r.acknowledgedBy() + " at " + r.acknowledgedAt());
            case ALERT_CLOSED -> new AcknowledgementRefusedException(Reason.ALERT_CLOSED,
                    alert + " is closed: it resolved at " + r.resolvedAt());
        };
    }

    private static String where(String ward, String place) {
        return ward == null ? place : ward + " " + place;
    }
}
