package org.wardwatch.functions.service;

import org.wardwatch.model.alert.AlertPlace;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.AlertTexts;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.DeviceAlert;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.EscalationNotification;
import org.wardwatch.functions.core.EscalationTexts;
import org.wardwatch.functions.core.Excursion;
import org.wardwatch.functions.core.News2Notification;
import org.wardwatch.functions.core.News2Texts;
import org.wardwatch.functions.core.News2Value;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.news2.News2Score;

/**
 * Renders an alert for SNS: one document per protocol ({@code MessageStructure=json}) and the attributes staff
 * subscriptions filter on. The {@code default} document, which queues and HTTP endpoints receive, also carries
 * the SMS text and e-mail subject so tools can show what staff were sent. The texts give times in the tenant's
 * zone with its abbreviation ({@code opened 15:05 BST}); the document's time fields ({@code deviceTime},
 * {@code openedAt}, ...) stay ISO-8601 UTC instants.
 */
public final class AlertRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZoneId zone;

    /** @param zone the tenant's time zone ({@code WARDWATCH_TIME_ZONE}), the one staff read times in */
    public AlertRenderer(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Renders a device's own alert (battery, silence), {@code type} DEVICE. */
    public OutgoingAlert render(DeviceAlert a, String outboxKey) {
        AlertTransition t = a.transition();
        String sms = AlertTexts.sms(a);
        String subject = AlertTexts.emailSubject(a);
        ObjectNode doc = header(DeviceAlert.TYPE, t, a.tenantId());
        doc.put("device", a.device().thingName());
        doc.put("kind", a.device().kind().code());
        doc.put("ward", a.device().ward());
        doc.put("bed", a.device().bed());
        doc.put("metric", a.condition().code());
        doc.put("value", a.condition() == DeviceCondition.BATTERY
                ? java.math.BigDecimal.valueOf(a.value()).setScale(2, java.math.RoundingMode.HALF_UP)
                : java.math.BigDecimal.valueOf(Math.round(a.value())));
        doc.put("unit", a.condition() == DeviceCondition.BATTERY ? "1" : "s");
        doc.put("deviceTime", a.at().toString());
        doc.put("sms", sms);
        doc.put("emailSubject", subject);
        return outgoing(a.device().thingName(), outboxKey, t, DeviceAlert.TYPE, a.device().ward(), doc, sms, subject,
                AlertTexts.emailBody(a, zone));
    }

    public OutgoingAlert render(AlertNotification n, String outboxKey) {
        AlertTransition t = n.transition();
        String sms = AlertTexts.sms(n, zone);
        String subject = AlertTexts.emailSubject(n);

        ObjectNode doc = header(n.type(), t, n.tenantId());
        doc.put("device", n.thingName());
        doc.put("kind", n.kind().code());
        doc.put("ward", n.ward());
        doc.put("bed", n.bed());
        if (n.isEnvironment()) {
            doc.put("room", n.room());
            doc.put("isolation", n.isolation().code());
        }
        if (n.patientRef() != null) {
            doc.put("patientRef", n.patientRef());
        }
        if (t.reason() != null) {
            doc.put("reason", t.reason());
        }
        doc.put("metric", n.metric().code());
        doc.put("value", ThresholdTable.round(n.metric(), n.value()));
        doc.put("unit", n.metric().canonicalUnit());
        doc.put("deviceTime", n.deviceTime().toString());
        doc.put("openedAt", t.openedAt() == null ? null : t.openedAt().toString());
        if (n.coldChain() != null) {
            ObjectNode cold = doc.putObject("coldChain");
            cold.put("storageProfile", n.coldChain().profile().name());
            cold.put("range", n.coldChain().profile().range());
            cold.put("since", n.coldChain().since() == null ? null : n.coldChain().since().toString());
            Excursion e = n.coldChain().excursion();
            if (e != null) {
                cold.put("excursionStart", e.start().toString());
                cold.put("excursionEnd", e.end() == null ? null : e.end().toString());
                if (e.end() != null) {
                    cold.put("durationMinutes", e.duration().toMinutes());
                }
                cold.put("min", ThresholdTable.round(Metric.STORAGE_TEMPERATURE, e.min()));
                cold.put("max", ThresholdTable.round(Metric.STORAGE_TEMPERATURE, e.max()));
            }
        }
        doc.put("sms", sms);
        doc.put("emailSubject", subject);

        return outgoing(n.thingName(), outboxKey, t, n.type(), n.ward(), doc, sms, subject, AlertTexts.emailBody(n, zone));
    }

    /**
     * Renders a bed's NEWS2 alert, {@code type} NEWS2: the document carries the score, band, sub-scores, the values
     * used and what was missing (functions/README.md, "NEWS2"); the outbox partition is {@code n.thingName()}'s.
     */
    public OutgoingAlert render(News2Notification n, String outboxKey) {
        AlertTransition t = n.transition();
        String sms = News2Texts.sms(n, zone);
        String subject = News2Texts.emailSubject(n);
        News2Score score = n.score();
        ObjectNode doc = header(News2Notification.TYPE, t, n.tenantId());
        doc.put("device", n.thingName());
        doc.put("ward", n.ward());
        doc.put("bed", n.bed());
        if (n.patientRef() != null) {
            doc.put("patientRef", n.patientRef());
        }
        if (t.reason() != null) {
            doc.put("reason", t.reason());
        }
        doc.put("score", score.total());
        doc.put("response", score.response().name().toLowerCase(Locale.ROOT));
        doc.put("partial", score.partial());
        ArrayNode missing = doc.putArray("missing");
        score.missing().forEach(p -> missing.add(p.code()));
        ObjectNode subScores = doc.putObject("subScores");
        score.subScores().forEach((p, sub) -> subScores.put(p.code(), sub));
        ArrayNode parameters = doc.putArray("parameters");
        for (News2Value v : n.values()) {
            ObjectNode parameter = parameters.addObject();
            parameter.put("parameter", v.parameter().code());
            parameter.put("value", v.display());
            parameter.put("subScore", score.subScores().get(v.parameter()));
            parameter.put("source", v.source());
            parameter.put("time", v.time() == null ? null : v.time().toString());
        }
        doc.put("deviceTime", t.deviceTime().toString());
        doc.put("openedAt", t.openedAt() == null ? null : t.openedAt().toString());
        doc.put("sms", sms);
        doc.put("emailSubject", subject);
        return outgoing(n.thingName(), outboxKey, t, News2Notification.TYPE, n.ward(), doc, sms, subject,
                News2Texts.emailBody(n, zone));
    }

    /**
     * Renders a reminder, an escalation to a tier, or an acknowledgement of an alert (functions/README.md,
     * "Acknowledgement and escalation"), from its record ({@link EscalationTexts}): same {@code type} as the alert,
     * {@code transition} the event, and the {@link OutgoingAlert#TIER} attribute naming the tiers it goes to. The
     * outbox partition is the alert's record ({@code AL#<alertId>}).
     */
    public OutgoingAlert render(EscalationNotification n, String outboxKey) {
        AlertRecord r = n.record();
        String severity = EscalationTexts.severity(r).name();
        String sms = EscalationTexts.sms(n, zone);
        String subject = EscalationTexts.emailSubject(n);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("type", r.type());
        doc.put("transition", n.event().name());
        doc.put("severity", severity);
        doc.put("currentSeverity", r.severity().name());
        doc.put("alertId", r.alertId());
        doc.put("tenantId", n.tenantId());
        doc.put("ward", r.ward());
        placeOf(r, doc);
        doc.put("metric", r.subject());
        doc.put("tier", n.tiers().stream().max(Integer::compare).orElseThrow());
        ArrayNode tiers = doc.putArray("tiers");
        n.tiers().forEach(tiers::add);
        doc.put("openedAt", r.openedAt().toString());
        doc.put("clockFrom", r.clockFrom().toString());
        doc.put("time", n.at().toString());
        if (n.event() == EscalationNotification.Event.ACKNOWLEDGED) {
            doc.put("by", n.by());
            if (n.note() != null) {
                doc.put("note", n.note());
            }
        }
        doc.put("sms", sms);
        doc.put("emailSubject", subject);
        ObjectNode structure = JSON.createObjectNode();
        structure.put("default", doc.toString());
        structure.put("sms", sms);
        structure.put("email", EscalationTexts.emailBody(n, zone));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("severity", severity);
        attributes.put("type", r.type());
        attributes.put("transition", n.event().name());
        attributes.put("ward", r.ward() == null || r.ward().isBlank() ? "none" : r.ward());
        attributes.put(OutgoingAlert.TIER, OutgoingAlert.tierValue(n.tiers()));
        try {
            return new OutgoingAlert("AL#" + r.alertId(), outboxKey, subject, JSON.writeValueAsString(structure),
                    attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render alert " + r.alertId(), e);
        }
    }

    /**
     * The record's place as the alerts' documents give it ({@link AlertRecorder#place}): {@code "bed":"12"} from
     * {@code bed 12}, {@code "room":"3"} from {@code room 3}, else {@code "device"}: the thing name (every DEVICE
     * alert's, even at a bed).
     */
    private static void placeOf(AlertRecord r, ObjectNode doc) {
        String place = r.place();
        String bed = AlertPlace.bedOf(place);
        String room = AlertPlace.roomOf(place);
        if (!DeviceAlert.TYPE.equals(r.type()) && bed != null) {
            doc.put("bed", bed);
        } else if (AlertNotification.ENVIRONMENT.equals(r.type()) && room != null) {
            doc.put("room", room);
        } else {
            doc.put("device", place);
        }
    }

    /** The fields every alert document starts with, in this order. */
    private static ObjectNode header(String type, AlertTransition t, String tenantId) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("type", type);
        doc.put("transition", t.transition().name());
        doc.put("severity", t.routingSeverity().name());
        doc.put("currentSeverity", t.severity().name());
        doc.put("previousSeverity", t.previousSeverity().name());
        doc.put("alertId", t.alertId());
        doc.put("tenantId", tenantId);
        return doc;
    }

    /** One document per protocol, and the attributes staff subscriptions filter on. */
    private static OutgoingAlert outgoing(String thingName, String outboxKey, AlertTransition t, String type,
                                          String ward, ObjectNode doc, String sms, String subject, String email) {
        ObjectNode structure = JSON.createObjectNode();
        structure.put("default", doc.toString());
        structure.put("sms", sms);
        structure.put("email", email);

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("severity", t.routingSeverity().name());
        attributes.put("type", type);
        attributes.put("transition", t.transition().name());
        attributes.put("ward", ward == null || ward.isBlank() ? "none" : ward);
        try {
            return new OutgoingAlert(thingName, outboxKey, subject, JSON.writeValueAsString(structure), attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render alert " + t.alertId(), e);
        }
    }
}
