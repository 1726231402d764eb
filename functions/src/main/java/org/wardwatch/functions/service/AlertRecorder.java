package org.wardwatch.functions.service;

import org.wardwatch.model.alert.AlertPlace;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.wardwatch.functions.core.AlertLedger;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.DeviceAlert;
import org.wardwatch.functions.core.News2Notification;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.Transition;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.news2.News2;

/**
 * Records each alert transition in the alert's record before it is published (issue 15; functions/README.md,
 * "Acknowledgement and escalation"): from the rendered alert's document (type, ward, bed/room/device, metric,
 * transition, severities, device time, reason) through {@link org.wardwatch.functions.core.AlertLedger}; a lost
 * race re-reads and re-applies. Idempotent: a retried or redelivered alert records nothing twice. Notifications
 * that are not transitions of an alert (reminders, escalations, acknowledgements) are not recorded here.
 *
 * <p>Where staff find it ({@link AlertRecord#place()}): {@code bed <bed>} for a bed's THRESHOLD and NEWS2 alerts,
 * {@code room <room>} for ENVIRONMENT, else the device's thing name (COLD_CHAIN, and every DEVICE alert, even of a
 * device at a bed: a flat battery is the device's, not the patient's). Its subject is the metric or device
 * condition, {@code news2} for NEWS2. A later transition whose record does not exist (an alert opened before
 * records were kept, or an OPENED not yet recorded) is not recorded: one WARNING line with its id and kind.
 */
public final class AlertRecorder {

    /** How many times a write lost to another invocation is re-read and re-applied before giving up. */
    static final int ATTEMPTS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(AlertRecorder.class.getName());

    private final AlertRecordStore store;

    public AlertRecorder(AlertRecordStore store) {
        this.store = store;
    }

    /**
     * Records the transition {@code alert} carries, if it carries one.
     *
     * @return the alert's record after recording (also when the transition was recorded already); empty when
     *         {@code alert} carries no transition or its alert has no record
     */
    public Optional<AlertRecord> record(OutgoingAlert alert) {
        JsonNode doc = document(alert);
        Optional<Transition> kind = transition(doc);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        AlertTransition t = new AlertTransition(kind.get(), text(doc, "alertId"),
                Severity.valueOf(text(doc, "currentSeverity")), Severity.valueOf(text(doc, "previousSeverity")),
                instant(doc, "openedAt"), instant(doc, "deviceTime"), text(doc, "reason"));
        String type = text(doc, "type");
        AlertRecord first = t.transition() == Transition.OPENED
                ? AlertLedger.opened(t.alertId(), type, text(doc, "ward"), place(type, doc), subject(type, doc), t)
                : null;
        // An OPENED is written without reading first: its record exists only when this is a retry.
        if (first != null && store.write(null, first)) {
            return Optional.of(first);
        }
        for (int attempt = first == null ? 0 : 1; attempt < ATTEMPTS; attempt++) {
            Optional<AlertRecordStore.Stored> stored = store.find(t.alertId());
            if (stored.isEmpty()) {
                if (first == null) {
                    LOG.log(System.Logger.Level.WARNING, "alert {0}: {1} {2} not recorded, the alert has no record",
                            t.alertId(), type, t.transition());
                    return Optional.empty();
                }
                if (store.write(null, first)) {
                    return Optional.of(first);
                }
                continue;
            }
            AlertLedger.Step step = AlertLedger.transition(stored.get().record(), t);
            if (!step.changed() || store.write(stored.get(), step.record())) {
                return Optional.of(step.record());
            }
        }
        throw new IllegalStateException("alert " + t.alertId() + ": its record was written by others "
                + ATTEMPTS + " times in a row; " + t.transition() + " not recorded");
    }

    static String place(String type, JsonNode doc) {
        String bed = text(doc, "bed");
        if (AlertNotification.ENVIRONMENT.equals(type)) {
            return AlertPlace.room(text(doc, "room"));
        }
        if (!DeviceAlert.TYPE.equals(type) && bed != null && !bed.isBlank()) {
            return AlertPlace.bed(bed);
        }
        return text(doc, "device");
    }

    static String subject(String type, JsonNode doc) {
        return News2Notification.TYPE.equals(type) ? News2.SUBJECT : text(doc, "metric");
    }

    private static Optional<Transition> transition(JsonNode doc) {
        String name = text(doc, "transition");
        for (Transition t : Transition.values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static JsonNode document(OutgoingAlert alert) {
        try {
            return JSON.readTree(JSON.readTree(alert.message()).path("default").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert " + alert.key() + " of " + alert.thingName()
                    + " has no readable default document"); // not its text as cause: it may name a patient
        }
    }

    private static String text(JsonNode doc, String field) {
        JsonNode v = doc.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode doc, String field) {
        String v = text(doc, field);
        return v == null ? null : Instant.parse(v);
    }
}
