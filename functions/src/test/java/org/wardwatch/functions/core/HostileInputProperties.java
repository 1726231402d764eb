package org.wardwatch.functions.core;

import org.wardwatch.model.reading.Metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.functions.core.HostilePayloads.HUGE_NUMBERS;
import static org.wardwatch.functions.core.HostilePayloads.NON_FINITE_TOKENS;
import static org.wardwatch.functions.core.HostilePayloads.RECEIVED;
import static org.wardwatch.functions.core.HostilePayloads.UNUSUAL;
import static org.wardwatch.functions.core.HostilePayloads.WRONG_TYPES;
import static org.wardwatch.functions.core.HostilePayloads.pick;
import static org.wardwatch.functions.core.JsonText.raw;
import static org.wardwatch.functions.core.JsonText.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.HostilePayloads.Case;
import org.wardwatch.functions.core.HostilePayloads.Message;

/**
 * Property-based tests of the telemetry function's decoding and validation against hostile input (issue 7). Every
 * case goes through {@link #outcome}, which holds for any input: nothing throws; a message is either accepted or
 * rejected with a reason of the right level; what is accepted is finite, possible, in an allowed unit, from a kind
 * that measures it, once per message and not from the future; reading indexes partition the readings array; and no
 * detail repeats a value the device sent. Each property then adds what it knows about its own inputs.
 */
class HostileInputProperties {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Set<RejectionReason> VALUE_REASONS =
            EnumSet.of(RejectionReason.VALUE_NOT_FINITE_NUMBER, RejectionReason.VALUE_IMPOSSIBLE);

    private final PayloadDecoder decoder = new PayloadDecoder();
    private final MessageValidator validator =
            new MessageValidator(HostilePayloads.TENANT, decoder, HostilePayloads.LOOKUP);

    // ---- any bytes -----------------------------------------------------------------------------------------------

    @Test
    void arbitraryBytes_neverCrash_andNeverPassForAMessage() {
        Trials.forAll("arbitrary bytes", 3000, HostileInputProperties::arbitraryBytes, c -> {
            Validation validation = outcome(c);
            if (!startsLikeAnObject(c.payload())) {
                assertThat(validation).isInstanceOf(Validation.Rejected.class);
            }
        });
    }

    @Test
    void arbitraryText_inAnyEncoding_neverCrashes_andOnlyUtf8IsRead() {
        Trials.forAll("arbitrary text", 1500, r -> {
            if (r.nextBoolean()) {
                String text = r.ints(r.nextInt(200), 0, r.nextBoolean() ? 0x80 : 0x11_0000)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                return new Case("text", HostilePayloads.envelope("th-smartwatch"), utf8(text), Set.of());
            }
            Message valid = HostilePayloads.validMessage(r);
            Charset charset = pick(r, List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                    Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")));
            return new Case("valid message in " + charset, valid.envelope(),
                    valid.root().write().getBytes(charset), valid.markers());
        }, c -> {
            Validation validation = outcome(c);
            if (c.shape().startsWith("valid message in")) {
                assertRejected(validation, RejectionReason.MALFORMED_JSON);
            }
        });
    }

    // ---- a valid payload, damaged ------------------------------------------------------------------------------

    @Test
    void everyTruncationOfAValidPayload_isMalformed() {
        Trials.forAll("truncations", 1500, r -> {
            Case valid = HostilePayloads.validMessage(r).toCase("valid");
            int length = r.nextInt(valid.payload().length);
            return new Case("first " + length + " bytes of a valid message", valid.envelope(),
                    Arrays.copyOf(valid.payload(), length), valid.markers());
        }, c -> assertRejected(outcome(c), RejectionReason.MALFORMED_JSON));
    }

    @Test
    void singleByteMutationsOfAValidPayload_neverCrash() {
        Trials.forAll("single-byte mutations", 3000, HostileInputProperties::mutated, this::outcome);
    }

    // ---- structure -----------------------------------------------------------------------------------------------

    @Test
    void nestingBeyondSixteenLevels_isMalformed_andWithinItIsNot() {
        Trials.forAll("deep nesting", 1000, r -> {
            Message message = HostilePayloads.validMessage(r);
            int layers = 1 + r.nextInt(r.nextBoolean() ? 20 : 2000);
            JsonText nested = raw(r.nextBoolean() ? "1" : "\"QX-nested\"");
            for (int i = 0; i < layers; i++) {
                nested = r.nextBoolean() ? new JsonText.Arr(List.of(nested))
                        : new JsonText.Obj(List.of(new JsonText.Field("n", nested)));
            }
            // the root object is level 1; a reading's value sits at level 3 (root, readings, reading)
            boolean inReading = r.nextBoolean();
            JsonText.Obj root = inReading
                    ? message.withReading(0, ((JsonText.Obj) message.readings().items().get(0)).with("value", nested))
                    : message.root().with("extra", nested);
            int depth = (inReading ? 3 : 1) + layers;
            return message.toCase("nesting depth " + depth, root);
        }, c -> {
            Validation validation = outcome(c);
            int depth = Integer.parseInt(c.shape().substring("nesting depth ".length()));
            if (depth > 16) {
                assertRejected(validation, RejectionReason.MALFORMED_JSON);
            } else {
                assertThat(validation).isInstanceOf(Validation.Accepted.class);
            }
        });
    }

    @Test
    void duplicateKeysAtAnyLevel_rejectTheWholeMessage() {
        Trials.forAll("duplicate keys", 1500, r -> {
            Message message = HostilePayloads.validMessage(r);
            int where = r.nextInt(message.readings().items().size() + 1);
            if (where == 0) {
                JsonText.Field field = pick(r, message.root().fields());
                List<JsonText.Field> fields = new ArrayList<>(message.root().fields());
                JsonText again = r.nextBoolean() ? field.value() : pick(r, WRONG_TYPES);
                fields.add(r.nextInt(fields.size() + 1), new JsonText.Field(field.name(), again));
                String json = new JsonText.Obj(fields).write();
                if (r.nextBoolean()) { // the same name spelled with an escape: "sche\u006da"
                    int at = json.lastIndexOf("\"" + field.name() + "\":");
                    json = json.substring(0, at + 2) + String.format("\\u%04x", (int) field.name().charAt(1))
                            + json.substring(at + 3);
                }
                return new Case("duplicate " + field.name(), message.envelope(), utf8(json), message.markers());
            }
            JsonText.Obj reading = (JsonText.Obj) message.readings().items().get(where - 1);
            List<JsonText.Field> fields = new ArrayList<>(reading.fields());
            JsonText.Field field = pick(r, fields);
            fields.add(new JsonText.Field(field.name(), r.nextBoolean() ? field.value() : pick(r, WRONG_TYPES)));
            return message.toCase("duplicate reading " + field.name(), message.withReading(where - 1,
                    new JsonText.Obj(fields)));
        }, c -> assertRejected(outcome(c), RejectionReason.DUPLICATE_FIELD));
    }

    @Test
    void payloadsOverIotCoresLimit_areTooLarge_andAtTheLimitAreRead() {
        Trials.forAll("oversized payloads", 60, r -> {
            Message message = HostilePayloads.validMessage(r);
            byte[] json = message.root().write().getBytes(StandardCharsets.UTF_8);
            int size = r.nextInt(4) == 0 ? PayloadDecoder.MAX_PAYLOAD_BYTES
                    : PayloadDecoder.MAX_PAYLOAD_BYTES + 1 + r.nextInt(r.nextBoolean() ? 16 : 512 * 1024);
            byte[] padded = new byte[size];
            Arrays.fill(padded, (byte) (r.nextBoolean() ? ' ' : r.nextInt(256)));
            System.arraycopy(json, 0, padded, 0, json.length); // trailing whitespace is allowed after the object
            return new Case(size + " bytes", message.envelope(), padded, message.markers());
        }, c -> {
            Validation validation = outcome(c);
            boolean whitespace = c.payload()[c.payload().length - 1] == ' ';
            if (c.payload().length > PayloadDecoder.MAX_PAYLOAD_BYTES) {
                assertRejected(validation, RejectionReason.PAYLOAD_TOO_LARGE);
            } else if (whitespace) {
                assertThat(validation).isInstanceOf(Validation.Accepted.class);
            }
        });
    }

    // ---- fields --------------------------------------------------------------------------------------------------

    @Test
    void hugeNumbers_areNeverAcceptedBeyondWhatIsPossible() {
        Trials.forAll("huge numbers", 1500, r -> {
            Message message = HostilePayloads.validMessage(r);
            String token = pick(r, HUGE_NUMBERS);
            int index = r.nextInt(message.readings().items().size());
            JsonText.Obj reading = (JsonText.Obj) message.readings().items().get(index);
            if (reading.get("unit") == null || r.nextInt(4) == 0) { // door_open, or the battery
                return message.toCase("battery " + token, message.root().with("battery", raw(token)));
            }
            return message.toCase("reading " + index + " value " + token,
                    message.withReading(index, reading.with("value", raw(token))));
        }, c -> {
            Validation validation = outcome(c);
            String token = c.shape().substring(c.shape().lastIndexOf(' ') + 1);
            if (validation instanceof Validation.Rejected rejected) {
                assertThat(rejected.rejection().reason()).isIn(RejectionReason.MALFORMED_JSON,
                        RejectionReason.INVALID_FIELD);
            } else if (c.shape().startsWith("reading")) {
                int index = Integer.parseInt(c.shape().split(" ")[1]);
                Validation.Accepted accepted = (Validation.Accepted) validation;
                accepted.rejections().forEach(rej -> {
                    assertThat(rej.readingIndex()).isEqualTo(index);
                    assertThat(rej.reason()).isIn(VALUE_REASONS);
                });
                if (Double.isInfinite(Double.parseDouble(token))) {
                    assertThat(accepted.rejections()).singleElement().extracting(Rejection::reason)
                            .isEqualTo(RejectionReason.VALUE_NOT_FINITE_NUMBER);
                }
            }
        });
    }

    @Test
    void nanInfinityAndOtherNonJsonNumbers_areMalformed() {
        Trials.forAll("non-finite tokens", 800, r -> {
            Message message = HostilePayloads.validMessage(r);
            String token = pick(r, NON_FINITE_TOKENS);
            JsonText.Obj reading = (JsonText.Obj) message.readings().items().get(0);
            return r.nextBoolean()
                    ? message.toCase("value " + token, message.withReading(0, reading.with("value", raw(token))))
                    : message.toCase("battery " + token, message.root().with("battery", raw(token)));
        }, c -> assertRejected(outcome(c), RejectionReason.MALFORMED_JSON));
    }

    @Test
    void unusualUnicodeInEveryStringField_isRefusedByThatFieldsRule() {
        List<String> fields = List.of("schema", "messageId", "deviceTime", "device", "metric", "unit");
        Trials.forAll("unusual unicode", 2000, r -> {
            Message message = HostilePayloads.validMessage(r);
            String field = pick(r, fields);
            String marker = "QX" + (1000 + r.nextInt(9000)) + "U";
            String unusual = pick(r, UNUSUAL) + (r.nextBoolean() ? pick(r, UNUSUAL) : "");
            boolean rawControl = r.nextInt(8) == 0;
            JsonText.Obj root = message.root();
            int index = r.nextInt(message.readings().items().size());
            JsonText.Obj reading = (JsonText.Obj) message.readings().items().get(index);
            if (field.equals("unit") && reading.get("unit") == null) {
                field = "metric";
            }
            JsonText original = field.equals("metric") || field.equals("unit") ? reading.get(field)
                    : field.equals("device") ? str(message.envelope().thingName()) : root.get(field);
            String base = ((JsonText.Str) original).value();
            String value = switch (r.nextInt(3)) {
                case 0 -> unusual + base + marker;
                case 1 -> base + unusual + marker;
                default -> base.substring(0, base.length() / 2) + unusual + marker + base.substring(base.length() / 2);
            };
            JsonText text = rawControl ? raw("\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\u0001\"")
                    : str(value);
            root = field.equals("metric") || field.equals("unit")
                    ? message.withReading(index, reading.with(field, text)) : root.with(field, text);
            return message.toCase((rawControl ? "raw control in " : "unusual ") + field + " of reading " + index,
                    root, marker);
        }, c -> {
            Validation validation = outcome(c);
            String[] shape = c.shape().split(" ");
            String field = shape[shape.length - 4];
            if (c.shape().startsWith("raw control")) {
                assertRejected(validation, RejectionReason.MALFORMED_JSON);
                return;
            }
            switch (field) {
                case "schema" -> assertRejected(validation, RejectionReason.UNSUPPORTED_SCHEMA);
                case "messageId" -> assertRejected(validation, RejectionReason.INVALID_FIELD);
                case "deviceTime" -> assertRejected(validation, RejectionReason.INVALID_DEVICE_TIME);
                case "device" -> assertRejected(validation, RejectionReason.DEVICE_MISMATCH);
                case "metric" -> assertReadingRejected(validation, Integer.parseInt(shape[shape.length - 1]),
                        RejectionReason.UNKNOWN_METRIC);
                default -> assertReadingRejected(validation, Integer.parseInt(shape[shape.length - 1]),
                        RejectionReason.UNIT_NOT_ALLOWED);
            }
        });
    }

    @Test
    void wrongJsonTypeInEveryField_isRefusedByThatFieldsRule() {
        List<String> fields = List.of("schema", "messageId", "deviceTime", "device", "battery", "readings",
                "reading", "metric", "value", "unit");
        Trials.forAll("wrong types", 2000, r -> {
            Message message = HostilePayloads.validMessage(r);
            String field = pick(r, fields);
            int index = r.nextInt(message.readings().items().size());
            JsonText.Obj reading = (JsonText.Obj) message.readings().items().get(index);
            boolean door = reading.get("unit") == null;
            JsonText wrong = pick(r, WRONG_TYPES.stream().filter(t -> isWrongType(field, door, t)).toList());
            JsonText.Obj root = switch (field) {
                case "reading" -> message.withReading(index, wrong);
                case "metric", "value", "unit" -> message.withReading(index, reading.with(field, wrong));
                default -> message.root().with(field, wrong);
            };
            return message.toCase(field + (door ? " of door reading " : " of reading ") + index + " as "
                    + wrong.write(), root);
        }, c -> {
            Validation validation = outcome(c);
            String field = c.shape().split(" ")[0];
            int index = Integer.parseInt(c.shape().split(" ")[c.shape().contains("door") ? 4 : 3]);
            switch (field) {
                case "schema" -> assertRejected(validation, RejectionReason.UNSUPPORTED_SCHEMA);
                case "messageId", "device", "battery", "readings" ->
                        assertRejected(validation, c.shape().endsWith("as []") && field.equals("readings")
                                ? RejectionReason.NO_READINGS : RejectionReason.INVALID_FIELD);
                case "deviceTime" -> assertRejected(validation, RejectionReason.INVALID_DEVICE_TIME);
                case "reading", "metric" -> assertReadingRejected(validation, index, RejectionReason.INVALID_FIELD);
                case "value" -> assertReadingRejected(validation, index, c.shape().contains("door")
                        ? RejectionReason.VALUE_NOT_BOOLEAN : RejectionReason.VALUE_NOT_FINITE_NUMBER);
                default -> assertReadingRejected(validation, index, c.shape().endsWith("as null")
                        && !c.shape().contains("door") ? RejectionReason.MISSING_FIELD : RejectionReason.UNIT_NOT_ALLOWED);
            }
        });
    }

    // ---- whole messages ------------------------------------------------------------------------------------------

    @Test
    void anyMessage_acceptsOnlyReadingsThatHoldEveryInvariant() {
        Trials.forAll("any message", 4000, r -> HostilePayloads.anyMessage(r).toCase("message"), this::outcome);
    }

    @Test
    void validMessages_areAcceptedInFull() {
        Trials.forAll("valid messages", 1000, r -> HostilePayloads.validMessage(r).toCase("valid"), c -> {
            Validation.Accepted accepted = (Validation.Accepted) outcome(c);
            assertThat(accepted.rejections()).isEmpty();
        });
    }

    @Test
    void decodingAndValidation_areDeterministic() {
        Trials.forAll("determinism", 1500, r -> switch (r.nextInt(3)) {
            case 0 -> arbitraryBytes(r);
            case 1 -> mutated(r);
            default -> HostilePayloads.anyMessage(r).toCase("message");
        }, c -> {
            assertThat(decoder.decode(c.payload().clone())).isEqualTo(decoder.decode(c.payload()));
            assertThat(new PayloadDecoder().decode(c.payload())).isEqualTo(decoder.decode(c.payload()));
            assertThat(validator.validate(c.envelope(), c.payload().clone()))
                    .isEqualTo(validator.validate(c.envelope(), c.payload()));
        });
    }

    // ---- what holds for every input ------------------------------------------------------------------------------

    /** Decodes and validates {@code c}, checks what must hold for any input, and returns the validation. */
    private Validation outcome(Case c) {
        Decoding decoding = decoder.decode(c.payload());
        assertThat(decoding).isNotNull();
        if (decoding instanceof Decoding.Rejected rejected) {
            assertMessageLevel(rejected.rejection(), c);
        } else {
            DecodedMessage message = ((Decoding.Decoded) decoding).message();
            assertThat(message.messageId()).matches("[A-Za-z0-9._:@/+=-]{1,128}");
            assertThat(message.deviceTime()).isNotNull();
            if (message.battery() != null) {
                assertThat(message.battery()).isBetween(0.0, 1.0);
            }
            message.readings().forEach(reading -> assertPossible(reading));
            assertPartition(c, message.readings(), message.readingRejections());
        }

        Validation validation = validator.validate(c.envelope(), c.payload());
        assertThat(validation).isNotNull();
        if (validation instanceof Validation.Rejected rejected) {
            assertMessageLevel(rejected.rejection(), c);
            return validation;
        }
        Validation.Accepted accepted = (Validation.Accepted) validation;
        Device device = accepted.device();
        assertThat(device.active()).isTrue();
        assertThat(device.tenantId()).isEqualTo(HostilePayloads.TENANT);
        assertThat(device.thingName()).isEqualTo(c.envelope().thingName()).isEqualTo(c.envelope().clientId());
        assertThat(accepted.message().device()).isIn(null, c.envelope().thingName());
        assertThat(accepted.message().deviceTime())
                .isBeforeOrEqualTo(c.envelope().receivedAt().plus(MessageValidator.MAX_CLOCK_AHEAD));
        for (Reading reading : accepted.readings()) {
            assertPossible(reading);
            assertThat(device.kind().allows(reading.metric())).as("%s sends %s", device.kind(), reading.metric()).isTrue();
        }
        assertThat(accepted.readings()).extracting(Reading::metric).doesNotHaveDuplicates();
        assertPartition(c, accepted.readings(), accepted.rejections());
        return validation;
    }

    private static void assertMessageLevel(Rejection rejection, Case c) {
        assertThat(rejection).isNotNull();
        assertThat(rejection.reason()).isNotNull();
        assertThat(rejection.isMessageLevel()).isTrue();
        assertThat(rejection.reason().level()).isNotEqualTo(RejectionReason.Level.READING);
        assertNoValues(rejection, c);
    }

    /** Finite, possible, in a unit the metric takes, and the canonical value is the sent one converted. */
    private static void assertPossible(Reading reading) {
        Metric metric = reading.metric();
        assertThat(Double.isFinite(reading.value()) && Double.isFinite(reading.sentValue())).isTrue();
        assertThat(metric.isPossible(reading.value())).as("%s of %s is possible", metric, reading.value()).isTrue();
        if (metric.isBoolean()) {
            assertThat(reading.sentUnit()).isNull();
            assertThat(reading.value()).isIn(0.0, 1.0);
        } else {
            assertThat(metric.allowedUnits()).contains(reading.sentUnit());
            assertThat(metric.converterFrom(reading.sentUnit()).orElseThrow().applyAsDouble(reading.sentValue()))
                    .isEqualTo(reading.value());
        }
    }

    /** Readings and reading rejections together name each index of the payload's readings array exactly once. */
    private static void assertPartition(Case c, List<Reading> readings, List<Rejection> rejections) {
        for (Rejection rejection : rejections) {
            assertThat(rejection.readingIndex()).isNotNull();
            assertThat(rejection.reason().level()).isNotEqualTo(RejectionReason.Level.MESSAGE);
            assertNoValues(rejection, c);
        }
        List<Integer> indexes = new ArrayList<>();
        readings.forEach(reading -> indexes.add(reading.index()));
        rejections.forEach(rejection -> indexes.add(rejection.readingIndex()));
        assertThat(indexes).containsExactlyInAnyOrderElementsOf(IntStream.range(0, readingCount(c)).boxed().toList());
    }

    /** Details name fields, never what the device sent: it may be patient data. */
    private static void assertNoValues(Rejection rejection, Case c) {
        assertThat(rejection.detail()).isNotNull();
        for (String marker : c.markers()) {
            assertThat(rejection.detail()).as("detail of %s", rejection.reason()).doesNotContain(marker);
        }
    }

    private static void assertRejected(Validation validation, RejectionReason reason) {
        assertThat(validation).isInstanceOfSatisfying(Validation.Rejected.class,
                rejected -> assertThat(rejected.rejection().reason()).isEqualTo(reason));
    }

    private static void assertReadingRejected(Validation validation, int index, RejectionReason reason) {
        assertThat(validation).isInstanceOfSatisfying(Validation.Accepted.class, accepted -> {
            assertThat(accepted.rejections()).singleElement().satisfies(rejection -> {
                assertThat(rejection.readingIndex()).isEqualTo(index);
                assertThat(rejection.reason()).isEqualTo(reason);
            });
            assertThat(accepted.readings()).extracting(Reading::index).doesNotContain(index);
        });
    }

    // ---- generators that need nothing of the message's shape ----------------------------------------------------

    /** Bytes of all kinds: noise, JSON-ish noise with invalid UTF-8, and valid messages with noise spliced in. */
    private static Case arbitraryBytes(Random r) {
        byte[] bytes;
        switch (r.nextInt(3)) {
            case 0 -> {
                bytes = new byte[r.nextInt(300)];
                r.nextBytes(bytes);
            }
            case 1 -> {
                List<String> pieces = List.of("{", "}", "[", "]", "\"", ":", ",", "1", "-", ".", "e", "\\", "\\u",
                        "\\ud800", "true", "null", "\"schema\"", "\"readings\"", " ", "\u00e9", "\ud83d\ude00");
                StringBuilder text = new StringBuilder();
                IntStream.range(0, r.nextInt(60)).forEach(i -> text.append(pick(r, pieces)));
                bytes = utf8(text.toString());
            }
            default -> {
                Case valid = HostilePayloads.validMessage(r).toCase("valid");
                byte[] noise = pick(r, List.of(new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xff},
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90,
                                (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {0},
                        new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, new byte[] {(byte) 0x80}));
                int at = r.nextInt(valid.payload().length + 1);
                bytes = new byte[valid.payload().length + noise.length];
                System.arraycopy(valid.payload(), 0, bytes, 0, at);
                System.arraycopy(noise, 0, bytes, at, noise.length);
                System.arraycopy(valid.payload(), at, bytes, at + noise.length, valid.payload().length - at);
                return new Case("valid message with bytes spliced in at " + at, valid.envelope(), bytes,
                        valid.markers());
            }
        }
        return new Case("bytes", HostilePayloads.envelope(pick(r, List.copyOf(new TreeSet<>(
                HostilePayloads.REGISTRY.keySet())))), bytes, Set.of());
    }

    /** A valid message with one byte replaced, inserted or removed. */
    private static Case mutated(Random r) {
        Case valid = HostilePayloads.validMessage(r).toCase("valid");
        byte[] bytes = valid.payload();
        int at = r.nextInt(bytes.length);
        byte b = r.nextBoolean() ? (byte) r.nextInt(256) : (byte) "{}[]\":,0-.eE\\ntfu9\u0000".charAt(r.nextInt(19));
        byte[] out = switch (r.nextInt(3)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                copy[at] = b;
                yield copy;
            }
            case 1 -> {
                byte[] copy = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                copy[at] = b;
                System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
                yield copy;
            }
            default -> {
                byte[] copy = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
                yield copy;
            }
        };
        return new Case("valid message with one byte changed at " + at, valid.envelope(), out, valid.markers());
    }

    private static boolean isWrongType(String field, boolean door, JsonText candidate) {
        String text = candidate.write();
        char first = text.charAt(0);
        boolean isString = first == '"';
        boolean isNumber = first == '-' || Character.isDigit(first);
        return switch (field) {
            case "schema", "messageId", "deviceTime", "device", "metric" -> !isString;
            case "battery" -> !isNumber && !text.equals("null");
            case "readings" -> first != '[' || text.equals("[]");
            case "reading" -> first != '{';
            case "value" -> door ? !text.equals("true") && !text.equals("false") : !isNumber;
            default -> !isString && (!door || !text.equals("null")); // unit
        };
    }

    private static boolean startsLikeAnObject(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        return text.startsWith("{") || text.startsWith("\ufeff");
    }

    /** The length of the payload's readings array, read by a lenient parser (only asked of accepted payloads). */
    private static int readingCount(Case c) {
        try {
            JsonNode readings = PLAIN.readTree(c.payload()).get("readings");
            return readings.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
