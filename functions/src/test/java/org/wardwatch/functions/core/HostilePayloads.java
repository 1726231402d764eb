package org.wardwatch.functions.core;

import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.device.DeviceKind;
import static org.wardwatch.functions.core.JsonText.raw;
import static org.wardwatch.functions.core.JsonText.str;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Generators for {@link HostileInputProperties}: device messages, valid and otherwise, and the registry and envelopes
 * they arrive with. Every value a device chose (ids, free text, numbers with a fractional part) is also returned as a
 * marker, so a property can check that no rejection detail repeats it.
 */
final class HostilePayloads {

    static final String TENANT = "st-a";
    static final Instant RECEIVED = Instant.parse("2026-11-25T10:20:00Z");

    /** One active device of each kind, plus one revoked and one of another tenant. */
    static final Map<String, Device> REGISTRY = registry();
    private static final List<Device> ACTIVE = REGISTRY.values().stream()
            .filter(d -> d.active() && d.tenantId().equals(TENANT))
            .sorted(java.util.Comparator.comparing(Device::thingName)).toList();

    static final Function<String, Optional<Device>> LOOKUP = thing -> Optional.ofNullable(REGISTRY.get(thing));

    /** What goes through the decoder and validator, with the markers that must stay out of every detail. */
    record Case(String shape, Envelope envelope, byte[] payload, Set<String> markers) {
        @Override
        public String toString() {
            return shape + " from " + envelope.thingName() + " -> " + Trials.printable(payload);
        }
    }

    /** A message before it is written, so properties can break one part of it. */
    record Message(JsonText.Obj root, Envelope envelope, Set<String> markers, Device device) {

        Case toCase(String shape) {
            return new Case(shape, envelope, root.write().getBytes(StandardCharsets.UTF_8), markers);
        }

        Case toCase(String shape, JsonText.Obj changedRoot, String... moreMarkers) {
            Set<String> all = new HashSet<>(markers);
            all.addAll(Arrays.asList(moreMarkers));
            return new Case(shape, envelope, changedRoot.write().getBytes(StandardCharsets.UTF_8), all);
        }

        JsonText.Arr readings() {
            return (JsonText.Arr) root.get("readings");
        }

        JsonText.Obj withReading(int index, JsonText reading) {
            List<JsonText> items = new ArrayList<>(readings().items());
            items.set(index, reading);
            return root.with("readings", new JsonText.Arr(items));
        }
    }

    private HostilePayloads() {
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    /** A message every check accepts in full: a registered active device, readings its kind takes, in range. */
    static Message validMessage(Random r) {
        Device device = ACTIVE.get(r.nextInt(ACTIVE.size()));
        Markers markers = new Markers(r);
        List<Metric> metrics = new ArrayList<>(Arrays.stream(Metric.values()).filter(device.kind()::allows).toList());
        Collections.shuffle(metrics, r);
        List<JsonText> readings = new ArrayList<>();
        for (Metric metric : metrics.subList(0, 1 + r.nextInt(metrics.size()))) {
            readings.add(validReading(r, metric, markers));
        }
        Instant deviceTime = RECEIVED.minusSeconds(r.nextInt(86_400)).plusSeconds(r.nextInt(300));
        List<JsonText.Field> fields = new ArrayList<>(List.of(
                new JsonText.Field("schema", str(PayloadDecoder.SCHEMA_V1)),
                new JsonText.Field("messageId", str(markers.add("m-" + markers.core()))),
                new JsonText.Field("deviceTime", str(markers.add(isoTime(r, deviceTime)))),
                new JsonText.Field("readings", new JsonText.Arr(readings))));
        if (r.nextBoolean()) {
            fields.add(new JsonText.Field("device", str(device.thingName())));
        }
        if (r.nextBoolean()) {
            fields.add(new JsonText.Field("battery", raw(markers.number(0.01, 0.99, r))));
        }
        Collections.shuffle(fields, r);
        markers.add(device.thingName());
        return new Message(new JsonText.Obj(fields), envelope(device.thingName()), markers.all, device);
    }

    /**
     * A message that may be wrong anywhere a schema-aware device could be wrong: unknown, revoked or foreign
     * devices, clocks ahead, metrics the kind does not measure or measures twice, other units, impossible, huge and
     * non-numeric values, too few or too many readings.
     */
    static Message anyMessage(Random r) {
        Message base = validMessage(r);
        Markers markers = new Markers(r, base.markers());
        JsonText.Obj root = base.root();
        Envelope envelope = base.envelope();
        int pick = r.nextInt(20);
        if (pick == 0) {
            envelope = envelope("th-unknown-" + markers.core());
        } else if (pick == 1) {
            envelope = envelope(r.nextBoolean() ? "th-revoked" : "th-foreign");
        } else if (pick == 2) {
            envelope = new Envelope(TENANT, envelope.thingName(), "th-other-" + markers.core(), RECEIVED);
        } else if (pick == 3) {
            root = root.with("device", str(markers.add("dv-" + markers.core())));
        }
        int clock = r.nextInt(10);
        if (clock == 0) {
            root = root.with("deviceTime", str(markers.add(isoTime(r, RECEIVED.plusSeconds(301 + r.nextInt(86_400))))));
        } else if (clock == 1) {
            root = root.with("deviceTime", str(markers.add(isoTime(r, RECEIVED.plus(MessageValidator.MAX_CLOCK_AHEAD)))));
        } else if (clock == 2) {
            root = root.with("deviceTime", str(markers.add("at QX" + markers.core())));
        }
        int count = r.nextInt(30) == 0 ? 0 : r.nextInt(30) == 0 ? 33 + r.nextInt(8) : 1 + r.nextInt(8);
        List<JsonText> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(anyReading(r, markers));
        }
        root = root.with("readings", new JsonText.Arr(readings));
        return new Message(root, envelope, markers.all, base.device());
    }

    static JsonText.Obj validReading(Random r, Metric metric, Markers markers) {
        List<JsonText.Field> fields = new ArrayList<>();
        fields.add(new JsonText.Field("metric", str(metric.code())));
        if (metric.isBoolean()) {
            fields.add(new JsonText.Field("value", raw(Boolean.toString(r.nextBoolean()))));
        } else {
            List<String> units = new ArrayList<>(metric.allowedUnits());
            String unit = units.get(r.nextInt(units.size()));
            fields.add(new JsonText.Field("unit", str(unit)));
            String value = markers.number(sentLow(metric, unit), sentHigh(metric, unit), r);
            markers.add(Double.toString(metric.converterFrom(unit).orElseThrow().applyAsDouble(Double.parseDouble(value))));
            fields.add(new JsonText.Field("value", raw(value)));
        }
        Collections.shuffle(fields, r);
        return new JsonText.Obj(fields);
    }

    private static JsonText anyReading(Random r, Markers markers) {
        Metric metric = Metric.values()[r.nextInt(Metric.values().length)];
        JsonText.Obj reading = validReading(r, metric, markers);
        switch (r.nextInt(12)) {
            case 0 -> reading = reading.with("metric", str(markers.add("metric-" + markers.core())));
            case 1 -> reading = reading.without("metric");
            case 2 -> reading = reading.with("unit", str(otherUnit(r, metric)));
            case 3 -> reading = reading.with("unit", str(markers.add("unit-" + markers.core())));
            case 4 -> reading = reading.without(r.nextBoolean() ? "unit" : "value");
            case 5 -> reading = reading.with("value", raw(markers.number(metric.highestPossible() + 0.01,
                    metric.highestPossible() + 500, r)));
            case 6 -> reading = reading.with("value", raw(markers.number(metric.lowestPossible() - 500,
                    metric.lowestPossible() - 0.01, r)));
            case 7 -> reading = reading.with("value", raw(pick(r, HUGE_NUMBERS)));
            case 8 -> reading = reading.with("value", pick(r, WRONG_TYPES));
            case 9 -> reading = metric.isBoolean() ? reading : reading.with("unit", str(metric.canonicalUnit()))
                    .with("value", raw(fmt(r.nextBoolean() ? metric.lowestPossible() : metric.highestPossible())));
            default -> {
                // as generated: valid for some kind
            }
        }
        return reading;
    }

    /** Numbers a JSON grammar allows (or nearly) that a double cannot hold, or holds only at its edges. */
    static final List<String> HUGE_NUMBERS = List.of(
            "1e308", "1e400", "-1e400", "1E+400", "1e-400", "-0", "-0.0", "4.9e-324", "1.7976931348623157e308",
            "1.7976931348623159e308", "2.2250738585072014E-308", "123456789012345678901234567890",
            "9".repeat(63), "9".repeat(64), "9".repeat(65), "1" + "0".repeat(400), "0." + "0".repeat(70) + "1",
            "1e2147483647", "1e-2147483648", "1e2147483648", "1e9999999999", "-1e-9999999999", "0e999999999",
            "1." + "5".repeat(60) + "e308", "3000.0000000000000000001", "350.00000000000000000001");

    /** Not numbers, though devices and other languages write them as if they were. */
    static final List<String> NON_FINITE_TOKENS = List.of(
            "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "nan", "+1", "01", ".5", "5.",
            "1e", "0x1F", "1_000", "--1");

    /** One of each JSON type, for fields that expect another. */
    static final List<JsonText> WRONG_TYPES = List.of(
            raw("null"), raw("true"), raw("false"), raw("0"), raw("1"), raw("-1.5"), str("text"), str(""),
            raw("[]"), raw("[1,\"a\"]"), raw("{}"), raw("{\"value\":72}"));

    /** Text a device or an attacker may put in any string: controls, direction marks, surrogates, emoji. */
    static final List<String> UNUSUAL = List.of(
            "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u0301", "\u200b", "\u200d", "\u200e",
            "\u200f", "\u202e", "\u2066", "\u2028", "\u2029", "\ufeff", "\ufffd", "\uffff", "\ud800", "\udfff",
            "\udfff\ud800", "\ud83d\ude00", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08", "\uff21", "\u0130", "\\", "\"",
            "%00", "#", "'; DROP TABLE", "${jndi:x}", "\n\r\t");

    // ---- registry and envelope -----------------------------------------------------------------------------------

    static Envelope envelope(String thing) {
        return new Envelope(TENANT, thing, thing, RECEIVED);
    }

    private static Map<String, Device> registry() {
        Map<String, Device> devices = new java.util.HashMap<>();
        for (DeviceKind kind : DeviceKind.values()) {
            String thing = "th-" + kind.code();
            devices.put(thing, new Device(thing, TENANT, kind, "ICU-3", "12", null, null, true));
        }
        devices.put("th-revoked", new Device("th-revoked", TENANT, DeviceKind.SMARTWATCH, "ICU-3", "1", null, null, false));
        devices.put("th-foreign", new Device("th-foreign", "st-b", DeviceKind.SMARTWATCH, "ICU-1", "1", null, null, true));
        return Map.copyOf(devices);
    }

    // ---- values --------------------------------------------------------------------------------------------------

    /** The range a device may send {@code metric} in, in {@code unit}, a little inside what is possible. */
    private static double sentLow(Metric metric, String unit) {
        return toSent(metric, unit, metric.lowestPossible()) + 0.01;
    }

    private static double sentHigh(Metric metric, String unit) {
        return toSent(metric, unit, metric.highestPossible()) - 0.01;
    }

    private static double toSent(Metric metric, String unit, double canonical) {
        return switch (unit) {
            case "[degF]" -> canonical * 9.0 / 5.0 + 32.0;
            case "mmol/L" -> canonical / 18.016;
            default -> canonical;
        };
    }

    private static String otherUnit(Random r, Metric metric) {
        List<String> others = Arrays.stream(Metric.values()).flatMap(m -> m.allowedUnits().stream())
                .filter(u -> !metric.allowedUnits().contains(u)).distinct().collect(Collectors.toList());
        return others.get(r.nextInt(others.size()));
    }

    static String isoTime(Random r, Instant instant) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((r.nextInt(57) - 28) * 1800);
        String pattern = r.nextBoolean() ? "yyyy-MM-dd'T'HH:mm:ssXXX" : "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(instant.atOffset(offset));
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Distinctive values a device chose, collected as they are generated. */
    static final class Markers {
        private final Random random;
        final Set<String> all = new HashSet<>();

        Markers(Random random) {
            this.random = random;
        }

        Markers(Random random, Set<String> existing) {
            this(random);
            all.addAll(existing);
        }

        String add(String marker) {
            all.add(marker);
            return marker;
        }

        /** Letters and digits no detail could contain by chance, e.g. {@code QX4821ZJ}. */
        String core() {
            return add("QX" + (1000 + random.nextInt(9000)) + (char) ('A' + random.nextInt(26)) + "J");
        }

        /** A number in [low, high] written with four decimals, the last never 0, kept as a marker. */
        String number(double low, double high, Random r) {
            double value = low + r.nextDouble() * (high - low);
            String text = String.format(Locale.ROOT, "%.4f", value);
            text = text.substring(0, text.length() - 1) + (1 + r.nextInt(9));
            add(text);
            add(Double.toString(Double.parseDouble(text)));
            return text;
        }
    }
}
