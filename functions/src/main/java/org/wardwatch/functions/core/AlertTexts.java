package org.wardwatch.functions.core;

import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The words staff read: a text message of at most {@value #SMS_LIMIT} characters, an e-mail subject that SNS
 * accepts (ASCII, under 100 characters) and an e-mail body. Ward and bed only; no patient name or reference. A
 * room's air is worded by {@link EnvironmentTexts}. Times are the tenant's local time with its zone's abbreviation
 * ({@link StaffTime}).
 */
public final class AlertTexts {

    public static final int SMS_LIMIT = 140;
    public static final int SUBJECT_LIMIT = 99;

    private AlertTexts() {
    }

    public static String sms(AlertNotification n, ZoneId zone) {
        if (n.isEnvironment()) {
            return withinSmsLimit(EnvironmentTexts.sms(n, headline(n)));
        }
        String what = n.coldChain() == null
                ? n.transition().transition().name().toLowerCase(Locale.ROOT) + " "
                + StaffTime.clock(n.deviceTime(), zone)
                : coldChainSummary(n, zone);
        String text = "[wardwatch] " + headline(n) + " " + n.metric().shortLabel() + " " + value(n)
                + " | " + place(n, 24, 12) + " | " + what + " | #" + n.alertId();
        return withinSmsLimit(text);
    }

    /** A fridge has no bed: the device's name says which one, and how long the condition has lasted. */
    private static String coldChainSummary(AlertNotification n, ZoneId zone) {
        AlertNotification.ColdChainDetail c = n.coldChain();
        String device = clean(n.thingName(), 32);
        if (n.metric() == Metric.DOOR_OPEN) {
            return n.transition().transition() == Transition.RESOLVED
                    ? device + " door closed " + StaffTime.clock(n.deviceTime(), zone)
                    : device + " open since " + StaffTime.clockSince(c.since(), n.deviceTime(), zone);
        }
        Excursion e = c.excursion();
        if (n.transition().transition() == Transition.RESOLVED) {
            return device + " excursion " + e.duration().toMinutes() + " min, " + temperature(e.min()) + ".."
                    + temperature(e.max()) + " C";
        }
        return device + " outside " + c.profile().range() + " since "
                + StaffTime.clockSince(c.since(), n.deviceTime(), zone);
    }

    private static String temperature(double celsius) {
        return ThresholdTable.round(Metric.STORAGE_TEMPERATURE, celsius).toPlainString();
    }

    public static String emailSubject(AlertNotification n) {
        if (n.isEnvironment()) {
            return asSnsSubject(EnvironmentTexts.emailSubject(n, headline(n)));
        }
        String subject = "[wardwatch] " + headline(n) + ": " + n.metric().label() + " " + value(n) + " at "
                + place(n, 30, 12) + " (alert " + n.alertId() + " "
                + n.transition().transition().name().toLowerCase(Locale.ROOT) + ")";
        return asSnsSubject(subject);
    }

    public static String emailBody(AlertNotification n, ZoneId zone) {
        if (n.isEnvironment()) {
            return EnvironmentTexts.emailBody(n, zone);
        }
        if (n.coldChain() != null) {
            return coldChainEmail(n, zone);
        }
        AlertTransition t = n.transition();
        String change = switch (t.transition()) {
            case OPENED -> "A reading entered the " + t.severity() + " band; the alert is open.";
            case ESCALATED -> "The severity rose from " + t.previousSeverity() + " to " + t.severity() + ".";
            case DOWNGRADED -> "The severity fell from " + t.previousSeverity() + " to " + t.severity()
                    + "; the alert stays open.";
            case RESOLVED -> "A reading fell below the WARNING band; the alert (last " + t.previousSeverity()
                    + ") is resolved.";
        };
        return "Alert " + n.alertId() + ": " + n.metric().label() + " " + t.transition() + "\n\n"
                + "What changed: " + change + "\n"
                + "Where:        " + place(n, 64, 32) + "\n"
                + "Reading:      " + n.metric().label() + " " + value(n) + " at "
                + StaffTime.full(n.deviceTime(), zone) + " (device time)\n"
                + "Alert opened: " + StaffTime.full(t.openedAt(), zone) + "\n"
                + "Device:       " + clean(n.thingName(), 128) + " (" + n.kind().code() + ")\n\n"
                + "Severity bands are the tenant's configured thresholds (NEWS2 single-parameter defaults).\n"
                + "This message carries no patient name: identify the patient at the bedside.\n";
    }

    /** CDC's advice after an excursion (docs/clinical-defaults.md, "Cold chain"). */
    static final String CDC_ADVICE = "Label the affected stock \"Do Not Use\" and keep it stored at the right "
            + "temperature (refrigerated, for a fridge); do not discard it. Contact the vaccine manufacturer or the "
            + "immunization programme before using it, and record the actions taken.";

    private static String coldChainEmail(AlertNotification n, ZoneId zone) {
        AlertTransition t = n.transition();
        AlertNotification.ColdChainDetail c = n.coldChain();
        StringBuilder body = new StringBuilder();
        body.append("Alert ").append(n.alertId()).append(": ").append(n.metric().label()).append(' ')
                .append(t.transition()).append(" (").append(t.transition() == Transition.RESOLVED
                        ? "was " + t.previousSeverity() : t.severity().name()).append(")\n\n");
        body.append("Device:       ").append(clean(n.thingName(), 128)).append(" (").append(c.profile().name())
                .append(", ").append(c.profile().range()).append(")\n");
        body.append("Where:        ").append(place(n, 64, 32)).append('\n');
        body.append("Reading:      ").append(n.metric().label()).append(' ').append(value(n)).append(" at ")
                .append(StaffTime.full(n.deviceTime(), zone)).append(" (device time)\n");
        if (n.metric() == Metric.DOOR_OPEN) {
            body.append("Door open since: ").append(StaffTime.full(c.since(), zone)).append('\n');
            return body.append(t.transition() == Transition.RESOLVED
                    ? "\nThe door is closed. Check the temperature log for an excursion.\n"
                    : "\nClose the door and check the temperature.\n").toString();
        }
        Excursion e = c.excursion();
        body.append("Excursion:    from ").append(StaffTime.full(e.start(), zone));
        if (e.end() != null) {
            body.append(" to ").append(StaffTime.full(e.end(), zone)).append(" (").append(e.duration().toMinutes()).append(" min)");
        } else {
            body.append(", ").append(java.time.Duration.between(e.start(), n.deviceTime()).toMinutes())
                    .append(" min so far");
        }
        body.append('\n').append("Temperature:  min ").append(temperature(e.min())).append(" C, max ")
                .append(temperature(e.max())).append(" C\n\n");
        if (t.transition() == Transition.RESOLVED) {
            body.append("The temperature is back in range. ").append(CDC_ADVICE).append('\n');
        } else {
            body.append("Check the appliance (door, power, setting) and move stock to a unit in range if needed.\n");
        }
        return body.toString();
    }

    private static String headline(AlertNotification n) {
        return headline(n.transition());
    }

    /** {@code CRITICAL}, {@code WARNING (was CRITICAL)}, {@code RESOLVED (was CRITICAL)}. */
    static String headline(AlertTransition t) {
        return switch (t.transition()) {
            case OPENED, ESCALATED -> t.severity().name();
            case DOWNGRADED -> t.severity() + " (was " + t.previousSeverity() + ")";
            case RESOLVED -> "RESOLVED (was " + t.previousSeverity() + ")";
        };
    }

    static String value(AlertNotification n) {
        String number = ThresholdTable.round(n.metric(), n.value()).toPlainString();
        return number + " " + n.metric().displayUnit();
    }

    private static String place(AlertNotification n, int wardMax, int bedMax) {
        return place(n.ward(), n.bed(), wardMax, bedMax);
    }

    /** {@code ICU-3 bed 12}, each name bounded; {@code no ward} for none. */
    static String place(String wardName, String bedName, int wardMax, int bedMax) {
        String ward = wardName == null ? "no ward" : clean(wardName, wardMax);
        return bedName == null ? ward : ward + " bed " + clean(bedName, bedMax);
    }

    /** Registry text, one line, bounded: control characters become spaces. */
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

    static String clean(String s, int max) {
        // compiled once: String.replaceAll compiles its pattern on every call, on every alert's every field
        String oneLine = CONTROL.matcher(s).replaceAll(" ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max);
    }

    /** Text message for a device's own alert (battery, silence). */
    public static String sms(DeviceAlert a) {
        String what = switch (a.condition()) {
            case BATTERY -> "battery " + Math.round(a.value() * 100) + " %";
            case SILENCE -> "no reading for " + Math.max(1, Math.round(a.value() / 60)) + " min";
            case NO_SIGNAL -> a.transition().transition() == Transition.RESOLVED ? "signal back"
                    : "no signal for " + Math.round(a.value()) + " s";
        };
        String head = a.transition().transition() == Transition.RESOLVED
                ? "RESOLVED (was " + a.transition().previousSeverity() + ")" : a.transition().severity().name();
        String label = label(a.condition());
        String text = "[wardwatch] " + head + " " + label + " | " + devicePlace(a.device()) + " | "
                + clean(a.device().thingName(), 40) + " " + what + " | #" + a.transition().alertId();
        return withinSmsLimit(text);
    }

    public static String emailSubject(DeviceAlert a) {
        String label = label(a.condition()).toLowerCase(Locale.ROOT);
        String subject = "[wardwatch] " + a.transition().severity() + " " + label + ": " + a.device().thingName()
                + " at " + devicePlace(a.device()) + " (" + a.transition().transition().name().toLowerCase(Locale.ROOT) + ")";
        return asSnsSubject(subject);
    }

    public static String emailBody(DeviceAlert a, ZoneId zone) {
        String at = StaffTime.full(a.at(), zone);
        String detail = switch (a.condition()) {
            case BATTERY -> "Battery level " + Math.round(a.value() * 100) + " % at " + at + " (device time). "
                    + (a.transition().transition() == Transition.RESOLVED ? "It has been charged."
                    : "Charge or replace it before the device stops reporting.");
            case SILENCE -> a.transition().transition() == Transition.RESOLVED
                    ? "The device is reporting again (checked " + at + ")."
                    : "No reading for " + Math.round(a.value()) + " s (checked " + at + "). Check the device, its "
                    + "power and its network; until it reports, nothing is watched on it.";
            case NO_SIGNAL -> a.transition().transition() == Transition.RESOLVED
                    ? "A valid reading again at " + a.at() + " (device time)."
                    : "No signal for " + Math.round(a.value()) + " s at " + a.at() + " (device time): SpO2 or heart "
                    + "rate 0, or marked no_signal. Check the probe; until it reads, its vital signs raise no alert.";
        };
        return "Alert " + a.transition().alertId() + ": " + a.condition().code() + " " + a.transition().transition()
                + "\n\nDevice: " + clean(a.device().thingName(), 128) + " (" + a.device().kind().code() + ")\n"
                + "Where:  " + devicePlace(a.device()) + "\n\n" + detail + "\n";
    }

    static String label(DeviceCondition condition) {
        return switch (condition) {
            case BATTERY -> "Low battery";
            case SILENCE -> "Device silent";
            case NO_SIGNAL -> "No signal";
        };
    }

    private static String devicePlace(Device d) {
        String ward = d.ward() == null ? "no ward" : clean(d.ward(), 24);
        return d.bed() == null ? ward : ward + " bed " + clean(d.bed(), 12);
    }

    static String withinSmsLimit(String text) {
        return text.length() <= SMS_LIMIT ? text : text.substring(0, SMS_LIMIT - 1) + "~";
    }

    /** SNS takes a subject of printable ASCII under 100 characters. */
    static String asSnsSubject(String subject) {
        StringBuilder ascii = new StringBuilder(subject.length());
        subject.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return ascii.length() <= SUBJECT_LIMIT ? ascii.toString() : ascii.substring(0, SUBJECT_LIMIT - 3) + "...";
    }
}
