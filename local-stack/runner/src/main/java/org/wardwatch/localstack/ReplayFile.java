package org.wardwatch.localstack;

import org.wardwatch.model.alert.AlertType;
import org.wardwatch.model.staff.StaffId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wardwatch.devicecerts.DeviceCertsException;
import org.wardwatch.devicecerts.DeviceNames;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.model.news2.Consciousness;
import org.wardwatch.model.tenant.VitalsPolicy;

/**
 * A replay file read and checked as a whole before anything runs (local-stack/README.md, "Replay recorded data"):
 * each bad line is one error naming the file and the line.
 */
final class ReplayFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DEVICE_FIELDS = Set.of("declare", "thing", "kind", "ward", "bed",
            "storageProfile", "room", "isolation");
    private static final Set<String> ADMISSION_FIELDS = Set.of("declare", "ward", "bed", "patientRef", "spo2Scale",
            "by", "overrides", "reason", "time");
    private static final Set<String> DISCHARGE_FIELDS = Set.of("declare", "ward", "bed", "by", "time");
    private static final Set<String> WARD_FIELDS = Set.of("declare", "ward", "vitals");
    private static final Set<String> OBSERVATION_LINE_FIELDS = Set.of("observation", "by");
    private static final Set<String> OBSERVATION_FIELDS = Set.of("ward", "bed", "time", "consciousness", "oxygen");
    private static final Set<String> READING_FIELDS = Set.of("device", "deviceTime", "messageId", "readings", "battery");
    private static final Set<String> ACK_LINE_FIELDS = Set.of("ack", "by", "time", "note");
    private static final Set<String> ACK_FIELDS = Set.of("ward", "bed", "room", "device", "type", "metric");
    static final int NOTE_MAX = 500;

    /** One line of the file, validated. */
    sealed interface Line permits Declare, Move, WardPolicy, AdmissionCall, Acknowledgement, Clock, Publish {
        int number();
    }

    /** The first {@code declare device} of a thing: issued, registered, connected. */
    record Declare(int number, DeviceSpec spec) implements Line {
    }

    /** A later {@code declare device} of the same thing at another place: its registry entry moves. */
    record Move(int number, DeviceSpec spec) implements Line {
    }

    /**
     * A {@code declare ward}: the ward's vitals policy, configuration for the whole replay (merged into the tenant
     * configuration before the stack starts, {@link WardDeclarations}); nothing runs at this line.
     */
    record WardPolicy(int number, String ward, VitalsPolicy vitals) implements Line {
    }

    /**
     * An admission, a discharge or a nurse's observation: the admission function's request without its
     * {@code time}; {@code time} is the line's own (as recorded), or null to take the device time of the reading
     * line before it.
     */
    record AdmissionCall(int number, ObjectNode request, Instant time) implements Line {
    }

    /**
     * An acknowledgement of an alert: the acknowledge function's request without its {@code time}; {@code time} is
     * the line's own, or null to take the device time of the reading line before it (as an admission line does).
     */
    record Acknowledgement(int number, ObjectNode request, Instant time) implements Line {
    }

    /** A clock line: every scheduled check (escalation, then silence) runs at {@code time}. */
    record Clock(int number, Instant time) implements Line {
    }

    /**
     * A reading line ({@code payload} set, {@code deviceTime} when it is an ISO-8601 time) or a raw line
     * ({@code raw} set).
     */
    record Publish(int number, String device, ObjectNode payload, Instant deviceTime, byte[] raw) implements Line {
    }

    /** The file is not a replay file; the message names the line. */
    static final class ReplayFileException extends RuntimeException {
        ReplayFileException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final String tenantId;
    private final Map<String, Declare> declared = new HashMap<>();
    private final Map<String, DeviceSpec> placed = new HashMap<>();
    private final Map<String, WardPolicy> wards = new HashMap<>();
    /** The last line with a time, which a clock line must not precede. */
    private Line lastTimed;

    private ReplayFile(Path file, String tenantId) {
        this.file = file;
        this.tenantId = tenantId;
    }

    /** Reads and checks the whole file before anything runs. */
    static List<Line> parse(Path file, String tenantId) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReplayFileException("cannot read " + file + ": " + e.getMessage());
        }
        ReplayFile reader = new ReplayFile(file, tenantId);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String raw = text.get(i).strip();
            if (!raw.isEmpty()) {
                Line line = reader.line(raw, i + 1);
                if (timeOf(line) != null) {
                    reader.lastTimed = line;
                }
                lines.add(line);
            }
        }
        return lines;
    }

    private Line line(String raw, int number) {
        String where = file + " line " + number + ": ";
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (IOException e) {
            throw new ReplayFileException(where + "not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ReplayFileException(where + "must be a JSON object");
        }
        if (node.has("observation")) {
            return observation(node, number, where);
        }
        if (node.has("ack")) {
            return acknowledgement(node, number, where);
        }
        if (node.has("clock")) {
            return clock(node, number, where);
        }
        if (!node.has("declare")) {
            return publish(node, number, where);
        }
        return switch (node.path("declare").asText()) {
            case "device" -> device(node, number, where);
            case "ward" -> ward(node, number, where);
            case "admission" -> admission(node, number, where);
            case "discharge" -> discharge(node, number, where);
            default -> throw new ReplayFileException(where
                    + "\"declare\" must be \"device\", \"ward\", \"admission\" or \"discharge\"");
        };
    }

    private Line device(JsonNode node, int number, String where) {
        unknownFields(node, DEVICE_FIELDS, where);
        DeviceSpec spec;
        try {
            String profile = text(node, "storageProfile");
            spec = new DeviceSpec(DeviceNames.tenant(tenantId), DeviceNames.thing(required(node, "thing", where)),
                    DeviceNames.kind(required(node, "kind", where)), text(node, "ward"), text(node, "bed"),
                    profile == null ? null : DeviceNames.storageProfile(profile), text(node, "room"),
                    text(node, "isolation"));
        } catch (DeviceCertsException e) {
            throw new ReplayFileException(where + e.getMessage());
        }
        String thing = spec.thing().value();
        Declare first = declared.get(thing);
        if (first == null) {
            Declare declare = new Declare(number, spec);
            declared.put(thing, declare);
            placed.put(thing, spec);
            return declare;
        }
        if (first.spec().kind() != spec.kind()) {
            throw new ReplayFileException(where + "device " + thing + " was declared a " + first.spec().kind().code()
                    + " on line " + first.number() + "; a move keeps the kind (a " + spec.kind().code()
                    + " needs a thing of its own)");
        }
        if (placed.get(thing).equals(spec)) {
            throw new ReplayFileException(where + "device " + thing + " is already at that place (a second declare "
                    + "of a device is a move to another place)");
        }
        placed.put(thing, spec);
        return new Move(number, spec);
    }

    private Line ward(JsonNode node, int number, String where) {
        unknownFields(node, WARD_FIELDS, where);
        String ward = required(node, "ward", where);
        VitalsPolicy vitals = VitalsPolicy.ofCode(required(node, "vitals", where)).orElseThrow(() ->
                new ReplayFileException(where + "\"vitals\" must be \"news2\" or \"thresholds\""));
        WardPolicy first = wards.get(ward);
        if (first != null && first.vitals() != vitals) {
            throw new ReplayFileException(where + "ward " + ward + " was declared " + first.vitals().code()
                    + " on line " + first.number() + "; a ward has one vitals policy for the whole replay (this line "
                    + "says " + vitals.code() + ")");
        }
        WardPolicy policy = new WardPolicy(number, ward, vitals);
        wards.putIfAbsent(ward, policy);
        return policy;
    }

    /**
     * {@code {"observation":{"ward":..,"bed":..,"time":..,"consciousness":"A","oxygen":false},"by":..}}: the
     * admission function's {@code observe} request.
     */
    private Line observation(JsonNode node, int number, String where) {
        unknownFields(node, OBSERVATION_LINE_FIELDS, "", where);
        JsonNode observed = node.get("observation");
        if (!observed.isObject()) {
            throw new ReplayFileException(where + "\"observation\" must be an object: {\"ward\":..,\"bed\":..,"
                    + "\"consciousness\":..,\"oxygen\":..}");
        }
        unknownFields(observed, OBSERVATION_FIELDS, "observation.", where);
        ObjectNode request = JSON.createObjectNode();
        request.put("action", "observe");
        request.put("ward", required(observed, "ward", "observation.", where));
        request.put("bed", required(observed, "bed", "observation.", where));
        JsonNode consciousness = observed.get("consciousness");
        if (consciousness != null) {
            if (!consciousness.isTextual() || Consciousness.ofCode(consciousness.asText()).isEmpty()) {
                throw new ReplayFileException(where + "\"observation.consciousness\" must be one of A, C, V, P, U");
            }
            request.set("consciousness", consciousness);
        }
        JsonNode oxygen = observed.get("oxygen");
        if (oxygen != null) {
            if (!oxygen.isBoolean()) {
                throw new ReplayFileException(where + "\"observation.oxygen\" must be true or false");
            }
            request.set("oxygen", oxygen);
        }
        if (consciousness == null && oxygen == null) {
            throw new ReplayFileException(where + "an observation needs \"consciousness\" or \"oxygen\" (or both)");
        }
        JsonNode by = node.get("by");
        if (by == null || !by.isTextual() || by.asText().isBlank()) {
            throw new ReplayFileException(where + "\"by\" is required: who observed, e.g. \"nurse-0017\"");
        }
        request.set("by", by);
        return new AdmissionCall(number, request, time(observed, "observation.", where));
    }

    /**
     * {@code {"ack":{"ward":..,"bed"|"room"|"device":..,"type":..,"metric":..},"by":..,"time":..,"note":..}}: the
     * acknowledge function's request, flat: {@code {"ward","bed"|"room"|"device","type","metric"?,"by","note"?}}.
     */
    private Line acknowledgement(JsonNode node, int number, String where) {
        unknownFields(node, ACK_LINE_FIELDS, where);
        JsonNode ack = node.get("ack");
        if (!ack.isObject()) {
            throw new ReplayFileException(where + "\"ack\" must be an object: {\"ward\":..,\"bed\":..,\"type\":..,"
                    + "\"metric\":..}");
        }
        unknownFields(ack, ACK_FIELDS, "ack.", where);
        ObjectNode request = JSON.createObjectNode();
        request.put("ward", requiredText(ack, "ward", "ack.", where));
        List<String> places = List.of("bed", "room", "device").stream().filter(ack::has).toList();
        if (places.size() != 1) {
            throw new ReplayFileException(where + "\"ack\" needs exactly one of \"bed\", \"room\" or \"device\""
                    + (places.isEmpty() ? "" : " (it has " + String.join(" and ", places) + ")"));
        }
        String place = places.get(0);
        String value = requiredText(ack, place, "ack.", where);
        String type = requiredText(ack, "type", "ack.", where);
        String placeOfType = AlertType.of(type).map(AlertType::placeField).orElseThrow(() ->
                new ReplayFileException(where + "\"ack.type\" must be one of " + AlertType.names()));
        if (!placeOfType.equals(place)) {
            throw new ReplayFileException(where + type + " alerts are at a " + placeOfType + ": \"ack\" needs \""
                    + placeOfType + "\", not \"" + place + "\"");
        }
        request.put(place, value);
        request.put("type", type);
        if (ack.has("metric")) {
            request.put("metric", requiredText(ack, "metric", "ack.", where));
        }
        JsonNode by = node.get("by");
        if (by == null || !by.isTextual() || !StaffId.valid(by.asText())) {
            throw new ReplayFileException(where + "\"by\" is required: who acknowledged, " + StaffId.RULE
                    + " (e.g. \"nurse-0017\")");
        }
        request.set("by", by);
        JsonNode note = node.get("note");
        if (note != null) {
            if (!note.isTextual() || note.asText().length() > NOTE_MAX) {
                throw new ReplayFileException(where + "\"note\" must be a string of at most " + NOTE_MAX
                        + " characters");
            }
            request.set("note", note);
        }
        return new Acknowledgement(number, request, time(node, where));
    }

    /** {@code {"clock":"2026-11-20T10:05:30Z"}}: not earlier than the line before it with a time. */
    private Line clock(JsonNode node, int number, String where) {
        if (node.size() != 1) {
            throw new ReplayFileException(where + "a clock line is {\"clock\":\"<ISO-8601 time>\"} and nothing else");
        }
        JsonNode clock = node.get("clock");
        Instant time = clock.isTextual() ? instant(clock.asText()) : null;
        if (time == null) {
            throw new ReplayFileException(where + "\"clock\" must be an ISO-8601 time, e.g. 2026-11-20T10:05:30Z");
        }
        if (lastTimed != null && time.isBefore(timeOf(lastTimed))) {
            throw new ReplayFileException(where + "clock " + time + " is earlier than line " + lastTimed.number()
                    + " (" + timeOf(lastTimed) + "): clock lines move forward, never earlier than the line before "
                    + "them with a time");
        }
        return new Clock(number, time);
    }

    /** The line's own time (a reading line's ISO-8601 device time), or null when it has none. */
    static Instant timeOf(Line line) {
        if (line instanceof Publish p) {
            return p.deviceTime();
        }
        if (line instanceof AdmissionCall a) {
            return a.time();
        }
        if (line instanceof Acknowledgement a) {
            return a.time();
        }
        return line instanceof Clock c ? c.time() : null;
    }

    private Line admission(JsonNode node, int number, String where) {
        unknownFields(node, ADMISSION_FIELDS, where);
        ObjectNode request = JSON.createObjectNode();
        request.put("action", "admit");
        place(node, request, where);
        request.put("patientRef", required(node, "patientRef", where));
        JsonNode scale = node.get("spo2Scale");
        if (scale != null && !(scale.isInt() && (scale.asInt() == 1 || scale.asInt() == 2))) {
            throw new ReplayFileException(where + "\"spo2Scale\" must be 1 or 2");
        }
        request.put("spo2Scale", scale == null ? 1 : scale.asInt());
        optionalText(node, request, "by", where);
        optionalText(node, request, "reason", where);
        JsonNode overrides = node.get("overrides");
        if (overrides != null) {
            if (!overrides.isObject()) {
                throw new ReplayFileException(where + "\"overrides\" must be an object: {metric: bands}");
            }
            request.set("overrides", overrides);
        }
        return new AdmissionCall(number, request, time(node, where));
    }

    private Line discharge(JsonNode node, int number, String where) {
        unknownFields(node, DISCHARGE_FIELDS, where);
        ObjectNode request = JSON.createObjectNode();
        request.put("action", "discharge");
        place(node, request, where);
        optionalText(node, request, "by", where);
        return new AdmissionCall(number, request, time(node, where));
    }

    private Publish publish(JsonNode node, int number, String where) {
        String device = required(node, "device", where);
        if (!declared.containsKey(device)) {
            throw new ReplayFileException(where + "device " + device + " is not declared on an earlier line");
        }
        if (node.has("raw")) {
            if (node.size() != 2 || !node.get("raw").isTextual()) {
                throw new ReplayFileException(where + "a raw line is {\"device\":...,\"raw\":\"text\"} and nothing else");
            }
            return new Publish(number, device, null, null, node.get("raw").asText().getBytes(StandardCharsets.UTF_8));
        }
        unknownFields(node, READING_FIELDS, where);
        String deviceTime = required(node, "deviceTime", where);
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
        // A device time that is not ISO-8601 is published as it is, for the function to refuse.
        return new Publish(number, device, payload, instant(deviceTime), null);
    }

    private static void place(JsonNode node, ObjectNode request, String where) {
        request.put("ward", required(node, "ward", where));
        request.put("bed", required(node, "bed", where));
    }

    private static Instant time(JsonNode node, String where) {
        return time(node, "", where);
    }

    private static Instant time(JsonNode node, String prefix, String where) {
        JsonNode time = node.get("time");
        if (time == null) {
            return null;
        }
        Instant parsed = time.isTextual() ? instant(time.asText()) : null;
        if (parsed == null) {
            throw new ReplayFileException(where + "\"" + prefix + "time\" must be an ISO-8601 time, e.g. "
                    + "2026-11-24T22:05:00Z");
        }
        return parsed;
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(Objects.requireNonNull(text)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void optionalText(JsonNode node, ObjectNode request, String field, String where) {
        JsonNode value = node.get(field);
        if (value != null) {
            if (!value.isTextual()) {
                throw new ReplayFileException(where + "\"" + field + "\" must be a string");
            }
            request.put(field, value.asText());
        }
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String where) {
        unknownFields(node, allowed, "", where);
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String prefix, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ReplayFileException(where + "unknown field \"" + prefix + name + "\"");
            }
        }
    }

    private static String required(JsonNode node, String field, String where) {
        return required(node, field, "", where);
    }

    private static String required(JsonNode node, String field, String prefix, String where) {
        String value = text(node, field);
        if (value == null) {
            throw new ReplayFileException(where + "\"" + prefix + field + "\" is required");
        }
        return value;
    }

    /** A field that must be a non-blank string. */
    private static String requiredText(JsonNode node, String field, String prefix, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ReplayFileException(where + "\"" + prefix + field + "\" is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ReplayFileException(where + "\"" + prefix + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
