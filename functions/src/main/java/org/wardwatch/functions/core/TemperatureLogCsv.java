package org.wardwatch.functions.core;

import org.wardwatch.model.coldchain.StorageProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link TemperatureLog} as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote
 * or line break). Three parts, each made of ordinary CSV records so a spreadsheet opens the file as it is and a
 * parser told that {@code #} starts a comment reads just the two tables:
 * <ol>
 *   <li>what the log is about: {@code # <name>,<value>} records (device, ward, storage profile, allowed range,
 *       month, time zone, generated at);</li>
 *   <li>after a blank line, the days: {@code date,readings,min_c,max_c,excursions};</li>
 *   <li>after a blank line and {@code # excursions}, the excursions:
 *       {@code start,end,duration,min_c,max_c,alert_sent,max_severity,alert_id,acknowledged_by}.</li>
 * </ol>
 * Times are local to the log's zone. In a day's excursion text an end point on that day is {@code HH:mm} and one
 * on another day {@code d MMM HH:mm}; the excursion table gives them with their UTC offset, which tells the two
 * 01:30s of the night the clocks go back apart.
 */
final class TemperatureLogCsv {

    private static final String EOL = "\r\n";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private final TemperatureLog log;
    private final StringBuilder out = new StringBuilder(4096);

    private TemperatureLogCsv(TemperatureLog log) {
        this.log = log;
    }

    static String render(TemperatureLog log) {
        return new TemperatureLogCsv(log).header().days().excursions().out.toString();
    }

    private TemperatureLogCsv header() {
        Device device = log.device();
        StorageProfile range = log.range();
        record("# wardwatch monthly temperature log");
        record("# device", text(device.thingName()));
        record("# ward", text(device.ward()));
        record("# storage profile", device.storageProfile() == null ? "not registered" : text(device.storageProfile()));
        record("# allowed range", range == null ? "not known"
                : range.min().toPlainString() + " to " + range.max().toPlainString() + " C");
        record("# month", log.month().toString());
        record("# time zone", log.zone().getId());
        record("# generated at", stamp(log.generatedAt()));
        return this;
    }

    private TemperatureLogCsv days() {
        out.append(EOL);
        record("date", "readings", "min_c", "max_c", "excursions");
        for (DailyTemperature day : log.days()) {
            List<String> texts = new ArrayList<>();
            for (ExcursionRecord excursion : day.excursions()) {
                texts.add(dayText(excursion, day.date()));
            }
            record(day.date().toString(), Integer.toString(day.readings()), plain(day.minCelsius()),
                    plain(day.maxCelsius()), String.join("; ", texts));
        }
        return this;
    }

    private TemperatureLogCsv excursions() {
        out.append(EOL);
        record("# excursions");
        record("start", "end", "duration", "min_c", "max_c", "alert_sent", "max_severity", "alert_id",
                "acknowledged_by");
        for (ExcursionRecord e : log.excursions()) {
            record(stamp(e.start()), e.isOpen() ? "ongoing" : stamp(e.end()),
                    e.duration().map(TemperatureLogCsv::hoursMinutesSeconds).orElse(""),
                    celsius(e.minCelsius()), celsius(e.maxCelsius()), e.alertSent() ? "yes" : "no",
                    e.maxSeverity().name(), text(e.alertId()), text(e.acknowledgedBy()));
        }
        return this;
    }

    /** e.g. {@code 10:05-11:20 (75 min, 8.4..11.2 C, alert CRITICAL)}. */
    private String dayText(ExcursionRecord e, LocalDate date) {
        List<String> details = new ArrayList<>();
        details.add(e.duration().map(TemperatureLogCsv::minutes).orElse("open"));
        if (e.minCelsius() != null && e.maxCelsius() != null) {
            details.add(celsius(e.minCelsius()) + ".." + celsius(e.maxCelsius()) + " C");
        }
        details.add(!e.alertSent() ? "no alert" : "alert " + (e.maxSeverity().isAlert() ? e.maxSeverity() : "sent"));
        return pointOn(e.start(), date) + "-" + (e.isOpen() ? "ongoing" : pointOn(e.end(), date))
                + " (" + String.join(", ", details) + ")";
    }

    private String pointOn(Instant instant, LocalDate date) {
        var local = instant.atZone(log.zone());
        return local.toLocalDate().equals(date) ? CLOCK.format(local) : DAY_AND_CLOCK.format(local);
    }

    private String stamp(Instant instant) {
        return STAMP.format(instant.atZone(log.zone()));
    }

    private static String minutes(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds < 60 ? seconds + " s" : (seconds + 30) / 60 + " min";
    }

    private static String hoursMinutesSeconds(Duration duration) {
        long s = duration.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }

    private static String celsius(Double value) {
        return value == null ? "" : TemperatureLog.celsius(value).toPlainString();
    }

    private static String number(double value) {
        return TemperatureLog.celsius(value).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * Text from the registry or from staff. A leading {@code = + - @} would make a spreadsheet run it as a
     * formula (CSV injection), so such text is prefixed with an apostrophe, as OWASP recommends.
     */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private void record(String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(fields[i]));
        }
        out.append(EOL);
    }

    /** RFC 4180: a field holding a comma, quote or line break is enclosed in quotes, its quotes doubled. */
    private static String quoted(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
