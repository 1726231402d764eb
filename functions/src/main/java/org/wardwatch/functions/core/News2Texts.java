package org.wardwatch.functions.core;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Score;

/**
 * The words of a NEWS2 alert (functions/README.md, "NEWS2"): a text message such as
 * {@code [wardwatch] CRITICAL NEWS2 8 | W5 bed 2 | RR 2 SpO2 2 HR 2 SBP 2 | opened 10:20 GMT | #K7Q2XM4} (at most
 * {@value AlertTexts#SMS_LIMIT} characters), an e-mail subject, and an e-mail listing each parameter's value,
 * sub-score, source and time, what is missing, and the RCP's response for the band. No patient name or reference.
 */
public final class News2Texts {

    private News2Texts() {
    }

    public static String sms(News2Notification n, ZoneId zone) {
        String head = "[wardwatch] " + AlertTexts.headline(n.transition()) + " " + score(n.score());
        String place = AlertTexts.place(n.ward(), n.bed(), 24, 12);
        String tail = when(n) + " " + StaffTime.clock(n.transition().deviceTime(), zone) + " | #" + n.alertId();
        List<String> subScores = new ArrayList<>();
        for (News2Parameter p : News2Parameter.values()) {
            int sub = n.score().subScores().getOrDefault(p, 0);
            if (sub != 0) {
                subScores.add(p.shortLabel() + " " + sub);
            }
        }
        // The sub-scores give way first, from the last: the score, place, time and alert id say what to do.
        for (int shown = subScores.size(); shown >= 0; shown--) {
            String list = String.join(" ", subScores.subList(0, shown))
                    + (shown < subScores.size() ? (shown == 0 ? "" : " ") + "+" + (subScores.size() - shown) : "");
            String text = head + " | " + place + " | " + (list.isEmpty() ? "" : list + " | ") + tail;
            if (text.length() <= AlertTexts.SMS_LIMIT) {
                return text;
            }
        }
        return AlertTexts.withinSmsLimit(head + " | " + place + " | " + tail);
    }

    public static String emailSubject(News2Notification n) {
        return AlertTexts.asSnsSubject("[wardwatch] " + AlertTexts.headline(n.transition()) + ": " + score(n.score())
                + " (" + n.score().response().risk() + ") at " + AlertTexts.place(n.ward(), n.bed(), 30, 12)
                + " (alert " + n.alertId() + " " + when(n) + ")");
    }

    public static String emailBody(News2Notification n, ZoneId zone) {
        AlertTransition t = n.transition();
        News2Score s = n.score();
        StringBuilder body = new StringBuilder();
        body.append("Alert ").append(n.alertId()).append(": NEWS2 ").append(t.transition()).append("\n\n");
        body.append("What changed: ").append(change(t)).append('\n');
        body.append("Where:        ").append(AlertTexts.place(n.ward(), n.bed(), 64, 32)).append('\n');
        body.append("Score:        NEWS2 ").append(s.total()).append(s.partial() ? " (partial)" : "")
                .append(", clinical risk ").append(s.response().risk()).append(" at ")
                .append(StaffTime.full(t.deviceTime(), zone)).append(" (device time)\n");
        body.append("Response:     ").append(s.response().rcpResponse()).append('\n');
        body.append("Alert opened: ").append(StaffTime.full(t.openedAt(), zone)).append("\n\n");
        row(body, "Parameter", "Value", "Score", "Source", "Time");
        for (News2Parameter p : News2Parameter.values()) {
            Optional<News2Value> v = n.values().stream().filter(x -> x.parameter() == p).findFirst();
            Integer sub = s.subScores().get(p);
            String value = v.map(x -> x.display() + unit(p)).orElse(s.missing().contains(p) ? "missing" : "-");
            row(body, label(p), value, sub == null ? (s.missing().contains(p) ? "0" : "-") : sub.toString(),
                    v.map(x -> x.source() == null ? "-" : AlertTexts.clean(x.source(), 24)).orElse("-"),
                    v.map(x -> StaffTime.full(x.time(), zone)).orElse("-"));
        }
        if (s.partial()) {
            body.append("\nMissing (counted 0): ").append(String.join(", ",
                    s.missing().stream().map(News2Texts::label).toList()))
                    .append(". The score is partial: measure or observe what is missing.\n");
        }
        if (AlertTransition.DISCHARGED.equals(t.reason())) {
            body.append("\nReason: the patient was discharged; the alert ended without a clinical recovery.\n");
        } else if (t.reason() != null) {
            body.append("\nReason: ").append(t.reason()).append('\n');
        }
        return body.append("\nBands are the RCP's NEWS2 (2017). This message carries no patient name: identify ")
                .append("the patient at the bedside.\n").toString();
    }

    private static String score(News2Score s) {
        return "NEWS2 " + s.total() + (s.partial() ? " partial" : "");
    }

    /** {@code opened}, {@code escalated}, ...; {@code discharged} for a resolution by discharge. */
    private static String when(News2Notification n) {
        return AlertTransition.DISCHARGED.equals(n.transition().reason()) ? "discharged"
                : n.transition().transition().name().toLowerCase(Locale.ROOT);
    }

    private static String change(AlertTransition t) {
        if (AlertTransition.DISCHARGED.equals(t.reason())) {
            return "The patient was discharged; the alert (last " + t.previousSeverity() + ") is resolved.";
        }
        return switch (t.transition()) {
            case OPENED -> "The score entered the " + t.severity() + " band; the alert is open.";
            case ESCALATED -> "The severity rose from " + t.previousSeverity() + " to " + t.severity() + ".";
            case DOWNGRADED -> "The severity fell from " + t.previousSeverity() + " to " + t.severity()
                    + "; the alert stays open.";
            case RESOLVED -> "The score has stayed below the alerting bands; the alert (last " + t.previousSeverity()
                    + ") is resolved.";
        };
    }

    private static String label(News2Parameter p) {
        return switch (p) {
            case RESPIRATION_RATE -> "Respiration rate";
            case SPO2 -> "SpO2";
            case AIR_OR_OXYGEN -> "Air or oxygen";
            case SYSTOLIC_BP -> "Systolic BP";
            case PULSE -> "Pulse";
            case CONSCIOUSNESS -> "Consciousness";
            case TEMPERATURE -> "Temperature";
        };
    }

    private static String unit(News2Parameter p) {
        return p.metric() == null ? "" : " " + p.metric().displayUnit();
    }

    /** One row of the e-mail's table, columns padded as {@code %-17s %-10s %-5s %-24s %s} would pad them. */
    private static void row(StringBuilder body, String parameter, String value, String score, String source,
                            String time) {
        pad(body, parameter, 17);
        pad(body, value, 10);
        pad(body, score, 5);
        pad(body, source, 24);
        body.append(time).append('\n');
    }

    private static void pad(StringBuilder body, String text, int width) {
        body.append(text);
        for (int i = text.length(); i < width; i++) {
            body.append(' ');
        }
        body.append(' ');
    }
}
