package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One replay file under two tenant configurations (local-stack/README.md, "Alarm burden"): both runs' burden in one
 * table, two figures a cell, and the alerts one run opened that the other did not. Alerts are matched by type, place
 * ({@link AlarmBurden#place}), metric and the device time of their OPENED notification; each match is used once.
 */
final class BurdenComparison {

    private BurdenComparison() {
    }

    /** The OPENED lines of {@code run} that {@code other} has no match for, in {@code run}'s order. */
    static List<ObjectNode> openedOnlyIn(List<ObjectNode> run, List<ObjectNode> other) {
        Map<List<String>, Integer> unused = new HashMap<>();
        for (ObjectNode line : other) {
            if (opened(line)) {
                unused.merge(match(line), 1, Integer::sum);
            }
        }
        List<ObjectNode> only = new ArrayList<>();
        for (ObjectNode line : run) {
            if (!opened(line)) {
                continue;
            }
            List<String> key = match(line);
            if (unused.getOrDefault(key, 0) > 0) {
                unused.merge(key, -1, Integer::sum);
            } else {
                only.add(line);
            }
        }
        return only;
    }

    /** Both tables as one, then each run's unmatched alerts under its label. */
    static String report(String first, List<ObjectNode> firstRun, String second, List<ObjectNode> secondRun,
                         ZoneId zone) {
        StringBuilder text = new StringBuilder();
        text.append("alarm burden, ").append(first).append(" | ").append(second).append('\n');
        text.append(AlarmBurden.table(List.of(AlarmBurden.of(firstRun, zone), AlarmBurden.of(secondRun, zone)), zone));
        unmatched(text, first, second, openedOnlyIn(firstRun, secondRun));
        unmatched(text, second, first, openedOnlyIn(secondRun, firstRun));
        return text.toString();
    }

    private static void unmatched(StringBuilder text, String run, String other, List<ObjectNode> lines) {
        text.append('\n').append("opened under ").append(run).append(", not under ").append(other).append(": ")
                .append(lines.isEmpty() ? "none" : lines.size()).append('\n');
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }

    private static boolean opened(JsonNode line) {
        return "OPENED".equals(line.path("transition").asText());
    }

    private static List<String> match(JsonNode line) {
        return List.of(line.path("type").asText(), AlarmBurden.place(line), line.path("metric").asText(""),
                line.path("deviceTime").asText());
    }
}
