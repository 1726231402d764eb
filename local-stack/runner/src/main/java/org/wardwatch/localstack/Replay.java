package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wardwatch.localstack.ReplayFile.Acknowledgement;
import org.wardwatch.localstack.ReplayFile.AdmissionCall;
import org.wardwatch.localstack.ReplayFile.Clock;
import org.wardwatch.localstack.ReplayFile.Declare;
import org.wardwatch.localstack.ReplayFile.Line;
import org.wardwatch.localstack.ReplayFile.Move;
import org.wardwatch.localstack.ReplayFile.Publish;
import org.wardwatch.localstack.ReplayFile.WardPolicy;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.tenant.Handler;

/**
 * Replays a checked file ({@link ReplayFile}) through the full pipeline, line by line, each fully processed before
 * the next: {@code declare device} issues, registers and connects a device (a second one for the same thing moves
 * it); {@code declare admission} and {@code declare discharge} call the tenant's admission function; a reading line
 * is published by its device with its own certificate; a {@code raw} line is published as-is. The file's times are
 * moved by one {@link TimeShift} so that its latest is now. Prints one JSON line per notification staff received,
 * with the file's own times, then a summary line; nothing else goes to stdout. A {@code declare ward} line is
 * configuration, merged before the stack started ({@link WardDeclarations}); an observation line calls the
 * admission function as a declare admission line does; an ack line calls the acknowledge function the same way; a
 * clock line runs the scheduled checks (escalation, then silence) at its time.
 */
public final class Replay {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** After {@code deviceTime}, in this order, each when the alert document has it. */
    static final List<String> PLACE_FIELDS = List.of("ward", "bed", "room", "patientRef", "reason");
    /** The type of a bed's NEWS2 alert, whose line has a shape of its own ({@link #notificationLine}). */
    static final String NEWS2 = "NEWS2";
    /** The transitions of an alert's escalation notifications, whose line has a shape of its own. */
    static final Set<String> ESCALATION_TRANSITIONS = Set.of("REMINDER", "UNACKNOWLEDGED", "ACKNOWLEDGED");
    /** After an escalation notification's {@code time}: the ward, then its one place field. */
    static final List<String> ESCALATION_PLACE_FIELDS = List.of("ward", "bed", "room", "device");

    private final LocalStack stack;
    private final PrintStream out;
    private final TimeShift shift;
    private final Map<String, DeviceConnection> connections = new LinkedHashMap<>();
    private final String prefix;
    private final List<ObjectNode> notifications = new ArrayList<>();
    /** The (moved) device time of the last reading line, and IoT Core's receive time of the last publish. */
    private Instant lastDeviceTime;
    /**
     * The (moved) time of the latest line with one (reading, clock, ack, admission): an operator line without a
     * time of its own happens then, never before a clock line already run.
     */
    private Instant lastTime;
    private Instant lastReceived;

    /** What a replay printed: its notification lines (the file's times) and its summary. */
    record Result(List<ObjectNode> notifications, ObjectNode summary) {
    }

    private Replay(LocalStack stack, PrintStream out, TimeShift shift, String prefix) {
        this.stack = stack;
        this.out = out;
        this.shift = shift;
        this.prefix = prefix;
    }

    /** Runs the lines against a started stack, their times moved so that the latest is now. */
    static Result run(List<Line> lines, LocalStack stack, PrintStream out) {
        return run(lines, stack, out, "");
    }

    /** As {@link #run(List, LocalStack, PrintStream)}, each printed line starting with {@code prefix}. */
    static Result run(List<Line> lines, LocalStack stack, PrintStream out, String prefix) {
        return run(lines, stack, out, TimeShift.toNow(lines, Instant.now()), prefix);
    }

    static Result run(List<Line> lines, LocalStack stack, PrintStream out, TimeShift shift, String prefix) {
        Replay replay = new Replay(stack, out, shift, prefix);
        try {
            for (Line line : lines) {
                replay.run(line);
            }
        } finally {
            replay.connections.values().forEach(DeviceConnection::close);
        }
        return new Result(List.copyOf(replay.notifications), replay.summary());
    }

    private void run(Line line) {
        if (line instanceof Declare d) {
            LocalStack.Credentials credentials = stack.declare(d.spec());
            try {
                connections.put(credentials.thing(), stack.connect(credentials));
            } catch (DeviceConnection.RefusedException e) {
                throw new IllegalStateException("line " + d.number() + ": " + e.getMessage());
            }
        } else if (line instanceof Move m) {
            try {
                stack.move(m.spec());
            } catch (RuntimeException e) {
                throw new IllegalStateException("line " + m.number() + ": moving " + m.spec().thing() + ": "
                        + e.getMessage());
            }
        } else if (line instanceof WardPolicy) {
            // Configuration: merged into the tenant configuration before the stack started (WardDeclarations).
            return;
        } else if (line instanceof AdmissionCall a) {
            admission(a);
        } else if (line instanceof Acknowledgement a) {
            acknowledge(a);
        } else if (line instanceof Clock c) {
            clock(c);
        } else {
            publish((Publish) line);
        }
    }

    private void admission(AdmissionCall call) {
        call(call.number(), call.request(), call.time(), stack::admission, StackFunctions.ADMISSION);
    }

    private void acknowledge(Acknowledgement ack) {
        call(ack.number(), ack.request(), ack.time(), stack::acknowledge, StackFunctions.ACKNOWLEDGE);
    }

    /**
     * Calls an operator's function with {@code request} and its time (the line's, moved, or {@link #lastTime}), stops the replay at an {@code "error"} answer, then prints what staff received.
     */
    private void call(int number, ObjectNode line, Instant lineTime, Function<String, Optional<JsonNode>> function,
                      String handler) {
        ObjectNode request = line.deepCopy();
        Instant time = lineTime != null ? shift.published(lineTime)
                : lastTime != null ? lastTime : Instant.now();
        request.put("time", time.toString());
        if (lineTime != null && (lastTime == null || time.isAfter(lastTime))) {
            lastTime = time;
        }
        answered(number, handler, () -> function.apply(request.toString()));
        printNotifications();
    }

    /** Every scheduled check at the clock line's (moved) time: escalations, then device silence. */
    private void clock(Clock clock) {
        Instant time = shift.published(clock.time());
        lastTime = time;
        answered(clock.number(), StackFunctions.ESCALATION, () -> stack.checkEscalations(time));
        answered(clock.number(), Handler.SILENCE.handlerName(), () -> stack.checkSilence(time));
        printNotifications();
    }

    /** Stops the replay at line {@code number} when the stack has no such function or it answered an error. */
    private static void answered(int number, String handler, Supplier<Optional<JsonNode>> invocation) {
        String where = "line " + number + ": ";
        JsonNode response;
        try {
            response = invocation.get().orElseThrow(() -> new IllegalStateException(
                    "the tenant stack has no " + handler + " function (handler \"" + handler + "\")"));
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + e.getMessage());
        }
        if (response.has("error")) {
            throw new IllegalStateException(where + response.path("message").asText(response.path("error").asText())
                    .replaceAll("\\s+", " "));
        }
    }

    private void publish(Publish p) {
        byte[] payload = p.raw();
        if (p.payload() != null) {
            ObjectNode moved = p.payload().deepCopy();
            if (p.deviceTime() != null) {
                lastDeviceTime = shift.published(p.deviceTime());
                lastTime = lastTime == null || lastDeviceTime.isAfter(lastTime) ? lastDeviceTime : lastTime;
                moved.put("deviceTime", lastDeviceTime.toString());
                // File order is arrival order: a line older than the one before it arrived after it.
                lastReceived = lastReceived == null || lastDeviceTime.isAfter(lastReceived) ? lastDeviceTime
                        : lastReceived;
            }
            payload = moved.toString().getBytes(StandardCharsets.UTF_8);
        }
        String topic = stack.tenant().telemetryTopic(p.device());
        stack.recordedReceiveTime(topic, lastReceived == null ? null : lastReceived.toEpochMilli());
        try {
            connections.get(p.device()).publish(topic, payload).get(30, TimeUnit.SECONDS);
            if (!stack.rules().awaitIdle(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("line " + p.number() + " was not processed within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at line " + p.number());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("line " + p.number() + ": the broker did not acknowledge it");
        } finally {
            stack.recordedReceiveTime(topic, null);
        }
        printNotifications();
    }

    private void printNotifications() {
        for (LocalStack.StaffMessage message : stack.drainStaffInbox()) {
            ObjectNode line = notificationLine(message.document(), shift);
            out.println(prefix + line);
            notifications.add(line);
        }
    }

    private ObjectNode summary() {
        PipelineStats stats = stack.stats();
        ObjectNode summary = JSON.createObjectNode();
        ObjectNode counts = summary.putObject("summary");
        counts.put("messages", stats.published.get());
        counts.put("readingsStored", stats.readingsStored.get());
        counts.put("readingsRejected", stats.readingsRejected.get());
        counts.put("readingsLate", stats.readingsLate.get());
        counts.put("messagesRejected", stats.messagesRejected.get());
        counts.put("duplicates", stats.duplicates.get());
        counts.put("notifications", notifications.size());
        counts.put("deadLetters", stack.deadLetters());
        out.println(prefix + summary);
        out.flush();
        return summary;
    }

    /**
     * The line printed for a notification, from the alert's default document: {@code device} (the source),
     * {@code type}, {@code metric}, {@code severity}, {@code transition}, {@code value}, {@code deviceTime} (moved
     * back to the file's time), then {@link #PLACE_FIELDS} that the document has (not null). A NEWS2 alert and an
     * escalation notification (REMINDER, UNACKNOWLEDGED, ACKNOWLEDGED) have lines of their own shapes.
     */
    static ObjectNode notificationLine(JsonNode alert, TimeShift shift) {
        if (ESCALATION_TRANSITIONS.contains(alert.path("transition").asText())) {
            return escalationLine(alert, shift);
        }
        if (NEWS2.equals(alert.path("type").asText())) {
            return news2Line(alert, shift);
        }
        ObjectNode line = JSON.createObjectNode();
        for (String field : List.of("device", "type", "metric", "severity", "transition", "value")) {
            line.set(field, alert.get(field));
        }
        deviceTime(alert, shift, line);
        for (String field : PLACE_FIELDS) {
            optional(alert, field, line);
        }
        return line;
    }

    /**
     * A bed's NEWS2 alert: {@code type}, {@code ward}, {@code bed}, {@code patientRef} (when admitted),
     * {@code score}, {@code severity}, {@code transition}, {@code partial}, {@code missing} (only when partial),
     * {@code deviceTime} (the file's time), {@code reason} (when the document has one).
     */
    private static ObjectNode news2Line(JsonNode alert, TimeShift shift) {
        ObjectNode line = JSON.createObjectNode();
        line.set("type", alert.get("type"));
        line.set("ward", alert.get("ward"));
        line.set("bed", alert.get("bed"));
        optional(alert, "patientRef", line);
        for (String field : List.of("score", "severity", "transition", "partial")) {
            line.set(field, alert.get(field));
        }
        if (alert.path("partial").asBoolean()) {
            line.set("missing", alert.get("missing"));
        }
        deviceTime(alert, shift, line);
        optional(alert, "reason", line);
        return line;
    }

    /**
     * An escalation notification of an alert of any type (a reminder, a page to a further tier, or the news that
     * someone acknowledged it): {@code type}, {@code metric}, {@code severity}, {@code transition}, then
     * {@code tier} (REMINDER, UNACKNOWLEDGED) or {@code tiers} and {@code by} (ACKNOWLEDGED), {@code time} (the
     * check's or acknowledgement's instant, the file's time), then {@link #ESCALATION_PLACE_FIELDS} that the
     * document has.
     */
    private static ObjectNode escalationLine(JsonNode alert, TimeShift shift) {
        ObjectNode line = JSON.createObjectNode();
        for (String field : List.of("type", "metric", "severity", "transition")) {
            line.set(field, alert.get(field));
        }
        if ("ACKNOWLEDGED".equals(alert.path("transition").asText())) {
            line.set("tiers", alert.get("tiers"));
            line.set("by", alert.get("by"));
        } else {
            line.set("tier", alert.get("tier"));
        }
        Instant time = ReplayFile.instant(alert.path("time").asText());
        line.put("time", time == null ? alert.path("time").asText() : shift.original(time).toString());
        for (String field : ESCALATION_PLACE_FIELDS) {
            optional(alert, field, line);
        }
        return line;
    }

    private static void deviceTime(JsonNode alert, TimeShift shift, ObjectNode line) {
        Instant deviceTime = ReplayFile.instant(alert.path("deviceTime").asText());
        line.put("deviceTime", deviceTime == null ? alert.path("deviceTime").asText()
                : shift.original(deviceTime).toString());
    }

    private static void optional(JsonNode alert, String field, ObjectNode line) {
        JsonNode value = alert.get(field);
        if (value != null && !value.isNull()) {
            line.set(field, value);
        }
    }
}
