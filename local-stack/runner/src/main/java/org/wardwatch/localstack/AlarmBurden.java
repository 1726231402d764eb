package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The alarm burden of a replay, from its notification lines (local-stack/README.md, "Alarm burden"): per place and
 * local day, the notifications by type and severity, their total (every message sent to staff, whatever its
 * transition: a reminder or a page to a further tier is a page sent) and the alerts opened (OPENED: a reminder is
 * not another alert). A place is a bed (ward and bed: its device alerts count for the bed,
 * they page its nurse), a room (ward and room), or else a device (ward and thing, e.g. a vaccine fridge).
 */
final class AlarmBurden {

    /** One row of the table: a place on a local day. */
    record Key(String place, boolean bed, LocalDate day) {
    }

    /** What one place sent on one day. */
    static final class Counts {
        private final Map<String, Integer> byKind = new TreeMap<>();
        private int total;
        private int opened;

        int of(String kind) {
            return byKind.getOrDefault(kind, 0);
        }

        int total() {
            return total;
        }

        int opened() {
            return opened;
        }
    }

    static final String TOTAL = "total";
    static final String OPENED = "opened";
    private static final Comparator<Key> ROWS = Comparator.comparing(Key::place, AlarmBurden::natural)
            .thenComparing(Key::day, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<Key, Counts> rows = new TreeMap<>(ROWS);
    private final Set<String> kinds = new TreeSet<>(AlarmBurden::kindOrder);

    private AlarmBurden() {
    }

    /** The burden of {@code lines} (notification lines as a replay prints them), days in {@code zone}. */
    static AlarmBurden of(List<? extends JsonNode> lines, ZoneId zone) {
        AlarmBurden burden = new AlarmBurden();
        for (JsonNode line : lines) {
            // An escalation notification (REMINDER, UNACKNOWLEDGED, ACKNOWLEDGED) has the check's time, no device time.
            Instant time = ReplayFile.instant(line.path(line.has("deviceTime") ? "deviceTime" : "time").asText());
            Key key = new Key(place(line), line.hasNonNull("bed"), time == null ? null : time.atZone(zone).toLocalDate());
            String kind = kind(line);
            burden.kinds.add(kind);
            Counts counts = burden.rows.computeIfAbsent(key, k -> new Counts());
            counts.byKind.merge(kind, 1, Integer::sum);
            counts.total++;
            if ("OPENED".equals(line.path("transition").asText())) {
                counts.opened++;
            }
        }
        return burden;
    }

    /** "ICU-3 bed 12", "W5 room 3", "Pharmacy pharmacy-fridge-1". */
    static String place(JsonNode line) {
        String ward = line.path("ward").asText(null);
        String where = line.hasNonNull("bed") ? "bed " + line.get("bed").asText()
                : line.hasNonNull("room") ? "room " + line.get("room").asText()
                : line.path("device").asText("unknown device");
        return ward == null ? where : ward + " " + where;
    }

    /** "THRESHOLD WARNING". */
    static String kind(JsonNode line) {
        return line.path("type").asText() + " " + line.path("severity").asText();
    }

    Map<Key, Counts> rows() {
        return rows;
    }

    Set<String> kinds() {
        return kinds;
    }

    /** The beds' rows (bed-days with a notification). */
    int bedDays() {
        return (int) rows.keySet().stream().filter(Key::bed).count();
    }

    /** A column's mean over the bed-days ({@link #TOTAL}, {@link #OPENED} or a kind); 0 without any. */
    double meanPerBedDay(String column) {
        int bedDays = bedDays();
        if (bedDays == 0) {
            return 0;
        }
        return rows.entrySet().stream().filter(e -> e.getKey().bed()).mapToInt(e -> cell(e.getValue(), column))
                .sum() / (double) bedDays;
    }

    private static int cell(Counts counts, String column) {
        if (counts == null) {
            return 0;
        }
        return switch (column) {
            case TOTAL -> counts.total;
            case OPENED -> counts.opened;
            default -> counts.of(column);
        };
    }

    /**
     * The table of one run, or of several side by side: each cell holds the runs' figures in order, joined by
     * {@code " | "}. Columns: place, day, each type and severity seen, total, opened; the last row is the mean per
     * bed-day.
     */
    static String table(List<AlarmBurden> runs, ZoneId zone) {
        Set<String> kinds = new TreeSet<>(AlarmBurden::kindOrder);
        Set<Key> keys = new TreeSet<>(ROWS);
        runs.forEach(r -> {
            kinds.addAll(r.kinds);
            keys.addAll(r.rows.keySet());
        });
        List<String> columns = new ArrayList<>(kinds);
        columns.add(TOTAL);
        columns.add(OPENED);
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("place", "day (" + zone.getId() + ")"));
        header.addAll(columns);
        table.add(header);
        for (Key key : keys) {
            List<String> row = new ArrayList<>(List.of(key.place(), key.day() == null ? "?" : key.day().toString()));
            for (String column : columns) {
                row.add(joined(runs, r -> Integer.toString(cell(r.rows.get(key), column))));
            }
            table.add(row);
        }
        List<String> mean = new ArrayList<>(List.of("mean per bed-day",
                joined(runs, r -> Integer.toString(r.bedDays())) + " bed-days"));
        for (String column : columns) {
            mean.add(joined(runs, r -> String.format(Locale.ROOT, "%.1f", r.meanPerBedDay(column))));
        }
        table.add(mean);
        return render(table);
    }

    private static String joined(List<AlarmBurden> runs, java.util.function.Function<AlarmBurden, String> figure) {
        return String.join(" | ", runs.stream().map(figure).toList());
    }

    private static String render(List<List<String>> table) {
        int[] widths = new int[table.get(0).size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // Text columns left-aligned, figures right-aligned.
                line.append(i < 2 ? String.format("%-" + widths[i] + "s", cell)
                        : String.format("%" + widths[i] + "s", cell)).append("  ");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** Types alphabetically, CRITICAL before WARNING within a type. */
    private static int kindOrder(String a, String b) {
        String[] x = a.split(" ", 2);
        String[] y = b.split(" ", 2);
        int type = x[0].compareTo(y[0]);
        if (type != 0) {
            return type;
        }
        int rank = Integer.compare(severityRank(x.length > 1 ? x[1] : ""), severityRank(y.length > 1 ? y[1] : ""));
        return rank != 0 ? rank : a.compareTo(b);
    }

    private static int severityRank(String severity) {
        return switch (severity) {
            case "CRITICAL" -> 0;
            case "WARNING" -> 1;
            default -> 2;
        };
    }

    /** "bed 2" before "bed 12": runs of digits compare as numbers. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = new java.math.BigInteger(a.substring(i, ei)).compareTo(new java.math.BigInteger(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        return rest != 0 ? rest : a.compareTo(b);
    }
}
