package org.wardwatch.functions.core;

import java.time.ZoneId;
import java.util.Locale;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.reading.Metric;

/**
 * The words staff read about a room's air: where (ward, room, and whether it is an isolation room), what, and the
 * alert id. A pressure is signed, a positive one with a leading {@code +}: its sign says which way the air flows.
 * No patient data: a room sensor knows none.
 */
final class EnvironmentTexts {

    private EnvironmentTexts() {
    }

    /** e.g. {@code [wardwatch] CRITICAL Room pressure +0.4 Pa | W5 room 3 (isolation) | #ID}. */
    static String sms(AlertNotification n, String headline) {
        return "[wardwatch] " + headline + " " + n.metric().shortLabel() + " " + value(n) + " | " + place(n, 24, 12)
                + " | #" + n.alertId();
    }

    static String emailSubject(AlertNotification n, String headline) {
        return "[wardwatch] " + headline + ": " + n.metric().label() + " " + value(n) + " in " + place(n, 30, 12)
                + " (alert " + n.alertId() + " " + n.transition().transition().name().toLowerCase(Locale.ROOT) + ")";
    }

    static String emailBody(AlertNotification n, ZoneId zone) {
        AlertTransition t = n.transition();
        String change = switch (t.transition()) {
            case OPENED -> "The reading has been in the " + t.severity() + " band for "
                    + EnvironmentAlert.HOLD.toSeconds() + " s; the alert is open.";
            case ESCALATED -> "The reading has been in the " + t.severity() + " band for "
                    + EnvironmentAlert.HOLD.toSeconds() + " s; the severity rose from " + t.previousSeverity() + ".";
            case DOWNGRADED -> "The severity fell from " + t.previousSeverity() + " to " + t.severity()
                    + "; the alert stays open.";
            case RESOLVED -> "The reading is back in range; the alert (last " + t.previousSeverity() + ") is resolved.";
        };
        String pressure = n.metric() == Metric.DIFFERENTIAL_PRESSURE
                ? "Pressure is the room against its corridor; this room is held " + n.isolation().code()
                + (n.isolation() == org.wardwatch.model.device.Isolation.NEGATIVE
                ? " (airborne isolation): at or above 0 Pa air flows out of the room.\n"
                : " (protective environment): at or below 0 Pa corridor air flows in.\n")
                : "";
        return "Alert " + n.alertId() + ": " + n.metric().label() + " " + t.transition() + "\n\n"
                + "What changed: " + change + "\n"
                + "Where:        " + place(n, 64, 32) + "\n"
                + "Reading:      " + n.metric().label() + " " + value(n) + " at " + StaffTime.full(n.deviceTime(), zone)
                + " (device time)\n"
                + "Alert opened: " + StaffTime.full(t.openedAt(), zone) + "\n"
                + "Device:       " + AlertTexts.clean(n.thingName(), 128) + " (" + n.kind().code() + ")\n\n"
                + pressure
                + "Bands are the tenant's configured thresholds (defaults: docs/clinical-defaults.md, \"Room "
                + "environment\"); a band counts once held " + EnvironmentAlert.HOLD.toSeconds() + " s.\n";
    }

    static String value(AlertNotification n) {
        String number = ThresholdTable.round(n.metric(), n.value()).toPlainString();
        boolean signed = n.metric() == Metric.DIFFERENTIAL_PRESSURE && ThresholdTable.round(n.metric(), n.value())
                .signum() > 0;
        return (signed ? "+" : "") + number + " " + n.metric().displayUnit();
    }

    private static String place(AlertNotification n, int wardMax, int roomMax) {
        String ward = n.ward() == null ? "no ward" : AlertTexts.clean(n.ward(), wardMax);
        String room = n.room() == null ? ward : ward + " room " + AlertTexts.clean(n.room(), roomMax);
        return n.isolation().isolated() ? room + " (isolation)" : room;
    }
}
