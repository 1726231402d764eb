package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wardwatch.devicecerts.DeviceCertsException;
import org.wardwatch.devicecerts.DeviceNames;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.localstack.ward.DeviceConnection;

/**
 * Replays a recorded file through the full pipeline, line by line, each fully processed before the next:
 * {@code {"declare":"device",...}} issues, registers and connects a device; a reading line is published by that
 * device with its own certificate; a {@code raw} line is published as-is. Prints one JSON line per notification
 * staff received, then a summary line; nothing else goes to stdout.
 */
public final class Replay {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DECLARE_FIELDS = Set.of("declare", "thing", "kind", "ward", "bed", "storageProfile",
            "room", "isolation");
    private static final Set<String> READING_FIELDS = Set.of("device", "deviceTime", "messageId", "readings", "battery");

    /** One line of the file, validated. */
    sealed interface Line permits Declare, Publish {
        int number();
    }

    record Declare(int number, DeviceSpec spec) implements Line {
    }

    record Publish(int number, String device, byte[] payload) implements Line {
    }

    /** The file is not a replay file; the message names the line. */
    public static final class ReplayFileException extends RuntimeException {
        public ReplayFileException(String message) {
            super(message);
        }
    }

    private Replay() {
    }

    /** Reads and checks the whole file before anything runs. */
    static List<Line> parse(Path file, String tenantId) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReplayFileException("cannot read " + file + ": " + e.getMessage());
        }
        List<Line> lines = new ArrayList<>();
        Set<String> declared = new java.util.HashSet<>();
        for (int i = 0; i < text.size(); i++) {
            int number = i + 1;
            String raw = text.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(raw);
            } catch (IOException e) {
                throw new ReplayFileException(file + " line " + number + ": not JSON");
            }
            if (node == null || !node.isObject()) {
                throw new ReplayFileException(file + " line " + number + ": must be a JSON object");
            }
            Line line = node.has("declare") ? declare(node, number, tenantId, file) : publish(node, number, file);
            if (line instanceof Declare d) {
                if (!declared.add(d.spec().thing().value())) {
                    throw new ReplayFileException(file + " line " + number + ": device " + d.spec().thing()
                            + " is declared twice");
                }
            } else if (!declared.contains(((Publish) line).device())) {
                throw new ReplayFileException(file + " line " + number + ": device " + ((Publish) line).device()
                        + " is not declared on an earlier line");
            }
            lines.add(line);
        }
        return lines;
    }

    private static Declare declare(JsonNode node, int number, String tenantId, Path file) {
        String where = file + " line " + number + ": ";
        unknownFields(node, DECLARE_FIELDS, where);
        if (!"device".equals(node.path("declare").asText())) {
            throw new ReplayFileException(where + "\"declare\" must be \"device\"");
        }
        try {
            String profile = text(node, "storageProfile");
            return new Declare(number, new DeviceSpec(DeviceNames.tenant(tenantId),
                    DeviceNames.thing(required(node, "thing", where)), DeviceNames.kind(required(node, "kind", where)),
                    text(node, "ward"), text(node, "bed"),
                    profile == null ? null : DeviceNames.storageProfile(profile), text(node, "room"),
                    text(node, "isolation")));
        } catch (DeviceCertsException e) {
            throw new ReplayFileException(where + e.getMessage());
        }
    }

    private static Publish publish(JsonNode node, int number, Path file) {
        String where = file + " line " + number + ": ";
        String device = required(node, "device", where);
        if (node.has("raw")) {
            if (node.size() != 2 || !node.get("raw").isTextual()) {
                throw new ReplayFileException(where + "a raw line is {\"device\":...,\"raw\":\"text\"} and nothing else");
            }
            return new Publish(number, device, node.get("raw").asText().getBytes(StandardCharsets.UTF_8));
        }
        unknownFields(node, READING_FIELDS, where);
        required(node, "deviceTime", where);
        if (!node.path("readings").isArray()) {
            throw new ReplayFileException(where + "\"readings\" must be an array");
        }
        ObjectNode payload = JSON.createObjectNode();
        payload.put("schema", "wardwatch.reading.v1");
        payload.put("messageId", node.has("messageId") ? node.get("messageId").asText() : "replay-line-" + number);
        payload.set("deviceTime", node.get("deviceTime"));
        payload.set("readings", node.get("readings"));
        if (node.has("battery")) {
            payload.set("battery", node.get("battery"));
        }
        return new Publish(number, device, payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Runs the lines against a started stack; returns the summary it printed last. */
    static ObjectNode run(List<Line> lines, LocalStack stack, PrintStream out) {
        Map<String, DeviceConnection> connections = new LinkedHashMap<>();
        int notifications = 0;
        try {
            for (Line line : lines) {
                if (line instanceof Declare d) {
                    LocalStack.Credentials credentials = stack.declare(d.spec());
                    try {
                        connections.put(credentials.thing(), stack.connect(credentials));
                    } catch (DeviceConnection.RefusedException e) {
                        throw new IllegalStateException("line " + d.number() + ": " + e.getMessage());
                    }
                    continue;
                }
                Publish p = (Publish) line;
                DeviceConnection connection = connections.get(p.device());
                try {
                    connection.publish(stack.tenant().telemetryTopic(p.device()), p.payload()).get(30, TimeUnit.SECONDS);
                    if (!stack.rules().awaitIdle(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("line " + p.number() + " was not processed within 120 s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted at line " + p.number());
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("line " + p.number() + ": the broker did not acknowledge it");
                }
                for (LocalStack.StaffMessage message : stack.drainStaffInbox()) {
                    out.println(notificationLine(message.document()));
                    notifications++;
                }
            }
        } finally {
            connections.values().forEach(DeviceConnection::close);
        }
        PipelineStats stats = stack.stats();
        ObjectNode summary = JSON.createObjectNode();
        ObjectNode counts = summary.putObject("summary");
        counts.put("messages", stats.published.get());
        counts.put("readingsStored", stats.readingsStored.get());
        counts.put("readingsRejected", stats.readingsRejected.get());
        counts.put("messagesRejected", stats.messagesRejected.get());
        counts.put("duplicates", stats.duplicates.get());
        counts.put("notifications", notifications);
        counts.put("deadLetters", stack.deadLetters());
        out.println(summary);
        out.flush();
        return summary;
    }

    /** The line printed for a notification, from the alert's default document; a room's also says where. */
    static ObjectNode notificationLine(JsonNode alert) {
        ObjectNode line = JSON.createObjectNode();
        for (String field : List.of("device", "type", "metric", "severity", "transition", "value", "deviceTime")) {
            line.set(field, alert.get(field));
        }
        if (alert.path("type").asText().equals("ENVIRONMENT")) {
            line.set("ward", alert.get("ward"));
            line.set("room", alert.get("room"));
        }
        return line;
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ReplayFileException(where + "unknown field \"" + name + "\"");
            }
        }
    }

    private static String required(JsonNode node, String field, String where) {
        String value = text(node, field);
        if (value == null) {
            throw new ReplayFileException(where + "\"" + field + "\" is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
