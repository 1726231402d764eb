package org.wardwatch.telemetry.core;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words staff read: a text message of at most {@value #SMS_LIMIT} characters, an e-mail subject that SNS
 * accepts (ASCII, under 100 characters) and an e-mail body. Ward and bed only; no patient name or reference.
 */
public final class AlertTexts {

    public static final int SMS_LIMIT = 140;
    public static final int SUBJECT_LIMIT = 99;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm'Z'").withZone(ZoneOffset.UTC);

    private AlertTexts() {
    }

    public static String sms(AlertNotification n) {
        String text = "[wardwatch] " + headline(n) + " " + shortLabel(n.metric()) + " " + value(n)
                + " | " + place(n, 24, 12) + " | " + n.transition().transition().name().toLowerCase(Locale.ROOT)
                + " " + CLOCK.format(n.deviceTime()) + " | #" + n.alertId();
        return text.length() <= SMS_LIMIT ? text : text.substring(0, SMS_LIMIT - 1) + "~";
    }

    public static String emailSubject(AlertNotification n) {
        String subject = "[wardwatch] " + headline(n) + ": " + longLabel(n.metric()) + " " + value(n) + " at "
                + place(n, 30, 12) + " (alert " + n.alertId() + " "
                + n.transition().transition().name().toLowerCase(Locale.ROOT) + ")";
        StringBuilder ascii = new StringBuilder(subject.length());
        subject.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return ascii.length() <= SUBJECT_LIMIT ? ascii.toString() : ascii.substring(0, SUBJECT_LIMIT - 3) + "...";
    }

    public static String emailBody(AlertNotification n) {
        AlertTransition t = n.transition();
        String change = switch (t.transition()) {
            case OPENED -> "A reading entered the " + t.severity() + " band; the alert is open.";
            case ESCALATED -> "The severity rose from " + t.previousSeverity() + " to " + t.severity() + ".";
            case DOWNGRADED -> "The severity fell from " + t.previousSeverity() + " to " + t.severity()
                    + "; the alert stays open.";
            case RESOLVED -> "A reading fell below the WARNING band; the alert (last " + t.previousSeverity()
                    + ") is resolved.";
        };
        return "Alert " + n.alertId() + ": " + longLabel(n.metric()) + " " + t.transition() + "\n\n"
                + "What changed: " + change + "\n"
                + "Where:        " + place(n, 64, 32) + "\n"
                + "Reading:      " + longLabel(n.metric()) + " " + value(n) + " at " + n.deviceTime()
                + " (device time)\n"
                + "Alert opened: " + t.openedAt() + "\n"
                + "Device:       " + clean(n.thingName(), 128) + " (" + n.kind().code() + ")\n\n"
                + "Severity bands are the tenant's configured thresholds (NEWS2 single-parameter defaults).\n"
                + "This message carries no patient name: identify the patient at the bedside.\n";
    }

    private static String headline(AlertNotification n) {
        AlertTransition t = n.transition();
        return switch (t.transition()) {
            case OPENED, ESCALATED -> t.severity().name();
            case DOWNGRADED -> t.severity() + " (was " + t.previousSeverity() + ")";
            case RESOLVED -> "RESOLVED (was " + t.previousSeverity() + ")";
        };
    }

    static String value(AlertNotification n) {
        String number = ThresholdTable.round(n.metric(), n.value()).toPlainString();
        return number + " " + displayUnit(n.metric());
    }

    private static String place(AlertNotification n, int wardMax, int bedMax) {
        String ward = n.ward() == null ? "no ward" : clean(n.ward(), wardMax);
        return n.bed() == null ? ward : ward + " bed " + clean(n.bed(), bedMax);
    }

    /** Registry text, one line, bounded: control characters become spaces. */
    private static String clean(String s, int max) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max);
    }

    private static String displayUnit(Metric metric) {
        return switch (metric) {
            case BODY_TEMPERATURE, STORAGE_TEMPERATURE -> "C";
            case SYSTOLIC_BP, DIASTOLIC_BP -> "mmHg";
            case DOOR_OPEN -> "";
            default -> metric.canonicalUnit();
        };
    }

    private static String shortLabel(Metric metric) {
        return switch (metric) {
            case HEART_RATE -> "HR";
            case RESPIRATORY_RATE -> "RR";
            case SPO2 -> "SpO2";
            case SYSTOLIC_BP -> "SBP";
            case DIASTOLIC_BP -> "DBP";
            case BODY_TEMPERATURE -> "Temp";
            case GLUCOSE -> "Glucose";
            case STORAGE_TEMPERATURE -> "Store temp";
            case DOOR_OPEN -> "Door open";
        };
    }

    private static String longLabel(Metric metric) {
        return switch (metric) {
            case HEART_RATE -> "heart rate";
            case RESPIRATORY_RATE -> "respiratory rate";
            case SPO2 -> "SpO2";
            case SYSTOLIC_BP -> "systolic BP";
            case DIASTOLIC_BP -> "diastolic BP";
            case BODY_TEMPERATURE -> "body temperature";
            case GLUCOSE -> "glucose";
            case STORAGE_TEMPERATURE -> "storage temperature";
            case DOOR_OPEN -> "door open";
        };
    }
}
