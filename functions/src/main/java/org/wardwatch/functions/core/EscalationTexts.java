package org.wardwatch.functions.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.functions.core.EscalationNotification.Event;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.news2.News2;
import org.wardwatch.model.reading.Metric;

/**
 * The words of a reminder, an escalation and an acknowledgement (functions/README.md, "Acknowledgement and
 * escalation"), from the alert's record alone: ward and bed, room or device, what the alert is about and its
 * severity, never a patient's name. The text message's first words say what to do, e.g.
 * {@code UNACKNOWLEDGED 5 min - CRITICAL ICU-3 bed 12 SpO2 alert opened 10:00 GMT, nobody has acknowledged it |
 * #K7Q2XM4} (at most {@value AlertTexts#SMS_LIMIT} characters); times in the tenant's zone ({@link StaffTime}).
 */
public final class EscalationTexts {

    private EscalationTexts() {
    }

    public static String sms(EscalationNotification n, ZoneId zone) {
        AlertRecord r = n.record();
        String alert = severity(r) + " " + place(r, 24, 32) + " " + shortLabel(r);
        String tail = " | #" + r.alertId();
        if (n.event() == Event.ACKNOWLEDGED) {
            return AlertTexts.withinSmsLimit("ACKNOWLEDGED by " + AlertTexts.clean(n.by(), 32) + " "
                    + StaffTime.clock(n.at(), zone) + " - " + alert + tail);
        }
        String head = n.event() + " " + minutes(n) + " min - " + alert + " alert " + since(r, n.at(), zone);
        String full = head + (n.event() == Event.REMINDER ? ", still not acknowledged" : ", nobody has acknowledged it")
                + tail;
        // The clause gives way first: the first word says it already.
        return full.length() <= AlertTexts.SMS_LIMIT ? full : AlertTexts.withinSmsLimit(head + tail);
    }

    public static String emailSubject(EscalationNotification n) {
        AlertRecord r = n.record();
        String head = switch (n.event()) {
            case REMINDER -> "REMINDER " + minutes(n) + " min";
            case UNACKNOWLEDGED -> "UNACKNOWLEDGED " + minutes(n) + " min, " + tiers(n.tiers());
            case ACKNOWLEDGED -> "ACKNOWLEDGED by " + AlertTexts.clean(n.by(), 32);
        };
        String what = "[wardwatch] " + head + ": " + severity(r) + " " + label(r) + " at " + place(r, 30, 32);
        String id = " (alert " + r.alertId() + ")";
        // The place gives way first: the alert id is what staff acknowledge it by.
        int room = AlertTexts.SUBJECT_LIMIT - id.length();
        return AlertTexts.asSnsSubject((what.length() <= room ? what : what.substring(0, room - 3) + "...") + id);
    }

    public static String emailBody(EscalationNotification n, ZoneId zone) {
        AlertRecord r = n.record();
        StringBuilder body = new StringBuilder();
        body.append("Alert ").append(r.alertId()).append(": ").append(label(r)).append(' ').append(n.event());
        if (n.event() == Event.ACKNOWLEDGED) {
            String by = AlertTexts.clean(n.by(), 128);
            body.append(" by ").append(by).append("\n\n");
            body.append("Who:          ").append(by).append('\n');
            body.append("When:         ").append(StaffTime.full(n.at(), zone)).append('\n');
            body.append("Note:         ").append(n.note() == null ? "none" : AlertTexts.clean(n.note(), 500))
                    .append('\n');
            where(body, r, zone);
            body.append("Tiers told:   ").append(list(n.tiers())).append(" (everyone paged for it)\n\n");
            body.append(by).append(" has taken this alert: no reminder or escalation follows unless its severity ")
                    .append("rises.\n");
        } else {
            body.append("\n\nWhat happened: Nobody has acknowledged this ").append(severity(r)).append(" alert ")
                    .append(minutes(n)).append(" min after ").append(clockWords(r)).append(n.event() == Event.REMINDER
                            ? "; this is a reminder to " : "; it is now sent to ").append(tiers(n.tiers()))
                    .append(".\n");
            where(body, r, zone);
            body.append("Checked:      ").append(StaffTime.full(n.at(), zone)).append('\n');
            body.append("Tiers paged:  ").append(list(tiersUpTo(r.highestTier()))).append("\n\n");
            body.append("Whoever takes it, acknowledge alert ").append(r.alertId())
                    .append(": that stops its reminders and escalations.\n");
        }
        return body.append("This message carries no patient name: identify the patient at the bedside.\n").toString();
    }

    /**
     * The severity a notification about {@code r} is routed by: its severity now, or the last it had once it is
     * closed (a notification decided before it resolved).
     */
    public static Severity severity(AlertRecord r) {
        if (r.severity() != Severity.NONE) {
            return r.severity();
        }
        List<TimelineEntry> timeline = r.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).severity() != Severity.NONE) {
                return timeline.get(i).severity();
            }
        }
        return Severity.NONE;
    }

    private static void where(StringBuilder body, AlertRecord r, ZoneId zone) {
        body.append("Where:        ").append(place(r, 64, 128)).append('\n');
        body.append("Alert opened: ").append(StaffTime.full(r.openedAt(), zone)).append(" (")
                .append(AlertTexts.clean(r.type(), 32)).append(")\n");
        clockChange(r).ifPresent(e -> body.append("Severity:     ").append(e.severity()).append(" since ")
                .append(StaffTime.full(e.at(), zone)).append(" (").append(e.event().toLowerCase(Locale.ROOT))
                .append(")\n"));
    }

    /** Whole minutes from the clock's start to the notification. */
    private static long minutes(EscalationNotification n) {
        return Math.max(0, Duration.between(n.record().clockFrom(), n.at()).toMinutes());
    }

    /** {@code opened 10:00 GMT}, or {@code escalated 10:02 GMT} when a change of severity restarted the clock. */
    private static String since(AlertRecord r, Instant now, ZoneId zone) {
        Optional<TimelineEntry> change = clockChange(r);
        return change.map(e -> e.event().toLowerCase(Locale.ROOT)).orElse("opened") + " "
                + StaffTime.clockSince(r.clockFrom(), now, zone);
    }

    private static String clockWords(AlertRecord r) {
        return clockChange(r).map(e -> "its severity " + (e.event().equals("ESCALATED") ? "rose" : "fell") + " to "
                + e.severity()).orElse("it opened");
    }

    /** The ESCALATED or DOWNGRADED that started the clock, if it was not the opening. */
    private static Optional<TimelineEntry> clockChange(AlertRecord r) {
        if (r.clockFrom().equals(r.openedAt())) {
            return Optional.empty();
        }
        return r.timeline().stream().filter(e -> e.at().equals(r.clockFrom())
                && (e.event().equals("ESCALATED") || e.event().equals("DOWNGRADED"))).reduce((a, b) -> b);
    }

    /** {@code ICU-3 bed 12}, {@code W5 room 3}, {@code Pharmacy fridge-01}; {@code no ward} for none. */
    private static String place(AlertRecord r, int wardMax, int placeMax) {
        String ward = r.ward() == null || r.ward().isBlank() ? "no ward" : AlertTexts.clean(r.ward(), wardMax);
        return r.place() == null ? ward : ward + " " + AlertTexts.clean(r.place(), placeMax);
    }

    /** How a text names what the alert is about: {@code SpO2}, {@code NEWS2}, {@code Low battery}. */
    private static String shortLabel(AlertRecord r) {
        return News2.SUBJECT.equals(r.subject()) ? "NEWS2" : condition(r).map(AlertTexts::label)
                .orElseGet(() -> Metric.fromCode(r.subject()).map(Metric::shortLabel).orElse(unknown(r)));
    }

    /** How an e-mail names it: {@code SpO2}, {@code heart rate}, {@code NEWS2}, {@code Low battery}. */
    private static String label(AlertRecord r) {
        return News2.SUBJECT.equals(r.subject()) ? "NEWS2" : condition(r).map(AlertTexts::label)
                .orElseGet(() -> Metric.fromCode(r.subject()).map(Metric::label).orElse(unknown(r)));
    }

    private static String unknown(AlertRecord r) {
        return r.subject() == null ? "alert" : AlertTexts.clean(r.subject(), 24);
    }

    private static Optional<DeviceCondition> condition(AlertRecord r) {
        if (!DeviceAlert.TYPE.equals(r.type())) {
            return Optional.empty();
        }
        for (DeviceCondition c : DeviceCondition.values()) {
            if (c.code().equals(r.subject())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static List<Integer> tiersUpTo(int highest) {
        return IntStream.rangeClosed(1, Math.max(1, highest)).boxed().toList();
    }

    /** {@code tier 2}, {@code tiers 2, 3}. */
    private static String tiers(List<Integer> tiers) {
        return (tiers.size() == 1 ? "tier " : "tiers ") + list(tiers);
    }

    private static String list(List<Integer> tiers) {
        return tiers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
