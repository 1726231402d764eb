package org.wardwatch.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.tenant.FunctionConfigReader;
import org.wardwatch.model.tenant.InvalidConfigurationException;
import org.wardwatch.model.tenant.TenantConfigReader;

/**
 * Synth (the CDK app reads the tenant file with {@link TenantConfigReader}) refuses what the telemetry function
 * refuses at start ({@link FunctionConfigReader}, on the same file), with the same line naming the file and the
 * JSON path; and a file the function accepts, synth accepts.
 */
class SynthRefusesWhatTheFunctionRefusesTest {

    private static final String TENANT = """
            {
              "tenantId": "st-aurelia",
              "account": "123456789012",
              "region": "eu-west-2",
              "contacts": [ { "protocol": "sms", "endpoint": "+15555550100", "minimumSeverity": "CRITICAL" } ],
              "thresholds": { %s }%s
            }
            """;

    private final Path dir = directory();

    private static Path directory() {
        try {
            return Files.createDirectories(Path.of("target", "synth-refuses-tests"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void overlappingSpo2Bands_areRefusedBySynth_withTheFunctionsMessage() throws IOException {
        Path file = write("overlap.json", "\"spo2\": [ { \"max\": 91, \"severity\": \"CRITICAL\" },"
                + " { \"min\": 91, \"max\": 93, \"severity\": \"WARNING\" } ]");

        String line = "thresholds.spo2[1]: overlaps thresholds.spo2[0] (a value would be in both)";
        assertSameRefusal(file, line);
    }

    @Test
    void aDecimalSpo2Maximum_isRefusedBySynth_withTheFunctionsMessage() throws IOException {
        Path file = write("decimal.json", "\"spo2\": [ { \"max\": 91.5, \"severity\": \"CRITICAL\" } ]");

        assertSameRefusal(file, "thresholds.spo2[0].max: spo2 bounds have at most 0 decimal place(s), as its values "
                + "are shown, so 91.5 cannot be a bound (above or below gives an exclusive one)");
    }

    @Test
    void anOverrideRemovingTheLowSpo2Critical_isRefusedBySynth_withTheFunctionsMessage() throws IOException {
        Path file = write("removes-critical.json", "\"spo2\": [ { \"below\": 90, \"severity\": \"WARNING\" } ]");

        assertSameRefusal(file, "thresholds.spo2: leaves the low side without its CRITICAL band (< 92 CRITICAL); to "
                + "mean it, write {\"bands\": [...], \"removesCritical\": true, \"reason\": \"...\"}");
    }

    @Test
    void aNegativeAlarmDelay_isRefusedBySynth_withTheFunctionsMessage() throws IOException {
        Path file = write("delay.json", "", ",\n  \"alarmDelays\": {\"spo2\": {\"confirmSeconds\": -5}}");

        assertSameRefusal(file, "alarmDelays.spo2.confirmSeconds: must be a whole number of seconds from 0 to 3600");
    }

    @Test
    void aBadWardPolicyOrNews2Window_isRefusedBySynth_withTheFunctionsMessage() throws IOException {
        assertSameRefusal(write("ward.json", "", ",\n  \"wards\": {\"W5\": {\"vitals\": \"news\"}}"),
                "wards.W5.vitals: must be thresholds or news2");
        assertSameRefusal(write("escalation.json", "", ",\n  \"wards\": {\"W5\": {\"escalation\": {\"critical\": "
                        + "[{\"afterMinutes\": 5, \"tier\": 2}, {\"afterMinutes\": 3, \"tier\": 1}]}}}"),
                "wards.W5.escalation.critical[1].afterMinutes: 3 is less than the step before's 5 (steps are listed in "
                        + "the order of their delays)");
        assertSameRefusal(write("news2.json", "", ",\n  \"news2\": {\"windowMinutes\": 1441}"),
                "news2.windowMinutes: must be a whole number of minutes from 1 to 1440");
    }

    /**
     * Generated threshold blocks (list and object forms, inclusive and exclusive bounds), alarm delays, reading
     * ages, ward policies and escalations and NEWS2 settings, good and bad: synth accepts exactly those the function
     * accepts, with the same lines.
     */
    @Test
    void generatedThresholds_synthAcceptsExactlyWhatTheFunctionAccepts() throws IOException {
        Random random = new Random(12);
        String[] metrics = {"spo2", "heart_rate", "body_temperature", "glucose", "respiratory_rate", "diastolic_bp"};
        int[] typical = {97, 75, 37, 100, 16, 75};
        int accepted = 0;
        int acceptedEscalations = 0;
        int refusedEscalations = 0;
        for (int trial = 0; trial < 300; trial++) {
            List<String> blocks = new ArrayList<>();
            for (int m = 0; m < metrics.length; m++) {
                if (random.nextInt(3) == 0) {
                    blocks.add("\"" + metrics[m] + "\": " + override(random, typical[m]));
                }
            }
            Path file = write("trial-" + trial + ".json", String.join(", ", blocks), others(random, metrics));
            InvalidConfigurationException function = refusal(() -> FunctionConfigReader.read(file));
            InvalidConfigurationException synth = refusal(() -> TenantConfigReader.read(file));
            if (function == null) {
                accepted++;
                assertThat(synth).as(Files.readString(file)).isNull();
                var escalations = FunctionConfigReader.read(file).wardEscalation();
                assertThat(TenantConfigReader.read(file).wardEscalation()).as(Files.readString(file))
                        .isEqualTo(escalations);
                acceptedEscalations += escalations.size();
            } else {
                assertThat(synth).as(Files.readString(file)).isNotNull();
                assertThat(synth.problems()).isEqualTo(function.problems());
                refusedEscalations += function.problems().stream().anyMatch(p -> p.contains(".escalation")) ? 1 : 0;
            }
        }
        assertThat(accepted).as("the generator makes valid files too").isBetween(30, 270);
        assertThat(acceptedEscalations).as("and valid escalations").isGreaterThanOrEqualTo(5);
        assertThat(refusedEscalations).as("and invalid ones").isGreaterThanOrEqualTo(5);
    }

    private static String override(Random random, int typical) {
        String bands = "[" + bands(random, typical) + "]";
        return switch (random.nextInt(4)) {
            case 0 -> "{\"bands\": " + bands + ", \"removesCritical\": true"
                    + (random.nextInt(4) == 0 ? "" : ", \"reason\": \"reviewed\"") + "}";
            case 1 -> "{\"clearSides\": [\"" + (random.nextBoolean() ? "low" : "high") + "\"]"
                    + (random.nextBoolean() ? ", \"removesCritical\": true, \"reason\": \"reviewed\"" : "") + "}";
            default -> bands;
        };
    }

    /** Bands mostly on one side of the typical value, now and then across it. */
    private static String bands(Random random, int typical) {
        List<String> bands = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        boolean high = random.nextBoolean();
        int at = high ? typical + random.nextInt(30) - 3 : typical - 40 - random.nextInt(20);
        for (int i = 0; i < count; i++) {
            int min = at + random.nextInt(10) - 2;
            int max = min + random.nextInt(12) - 1;
            String maxText = random.nextInt(8) == 0 ? max + ".5" : Integer.toString(max);
            String lower = random.nextBoolean() ? "min" : "above";
            String upper = random.nextBoolean() ? "max" : "below";
            String severity = random.nextInt(10) == 0 ? "LOUD" : random.nextBoolean() ? "WARNING" : "CRITICAL";
            bands.add(switch (random.nextInt(3)) {
                case 0 -> "{\"" + upper + "\": " + maxText + ", \"severity\": \"" + severity + "\"}";
                case 1 -> "{\"" + lower + "\": " + min + ", \"severity\": \"" + severity + "\"}";
                default -> "{\"" + lower + "\": " + min + ", \"" + upper + "\": " + maxText + ", \"severity\": \""
                        + severity + "\"}";
            });
            at = max + 1 + random.nextInt(5);
        }
        return String.join(", ", bands);
    }

    /**
     * Sometimes an alarm delay, a maximum reading age, a ward's vitals policy and escalation and NEWS2 settings (now
     * and then bad).
     */
    private static String others(Random random, String[] metrics) {
        StringBuilder others = new StringBuilder();
        if (random.nextInt(3) == 0) {
            String metric = random.nextInt(8) == 0 ? "co2" : metrics[random.nextInt(metrics.length)];
            String field = switch (random.nextInt(4)) {
                case 0 -> "\"confirmSeconds\": " + (random.nextInt(10) == 0 ? "-1" : random.nextInt(60));
                case 1 -> "\"resolveSeconds\": " + (random.nextInt(10) == 0 ? "2.5" : random.nextInt(120));
                case 2 -> "\"immediateAtOrBelow\": " + random.nextInt(100);
                default -> "\"immediateAtOrAbove\": " + (100 + random.nextInt(100));
            };
            others.append(",\n  \"alarmDelays\": {\"").append(metric).append("\": {").append(field).append("}}");
        }
        if (random.nextInt(4) == 0) {
            others.append(",\n  \"maxReadingAgeMinutes\": ").append(random.nextInt(10) == 0 ? 0 : random.nextInt(600));
        }
        if (random.nextInt(3) == 0) {
            String vitals = switch (random.nextInt(8)) {
                case 0 -> "\"NEWS2\"";
                case 1, 2, 3 -> "\"news2\"";
                default -> "\"thresholds\"";
            };
            String ward = random.nextInt(10) == 0 ? "W/" + random.nextInt(9) : "W" + random.nextInt(9);
            List<String> settings = new ArrayList<>();
            if (random.nextInt(3) != 0) {
                settings.add("\"vitals\": " + vitals);
            }
            if (random.nextInt(3) != 0) {
                settings.add("\"escalation\": " + escalation(random));
            }
            others.append(",\n  \"wards\": {\"").append(ward).append("\": {").append(String.join(", ", settings))
                    .append("}}");
        }
        if (random.nextInt(4) == 0) {
            others.append(",\n  \"news2\": {\"windowMinutes\": ")
                    .append(random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(240))
                    .append(", \"resolveSeconds\": ").append(random.nextInt(10) == 0 ? 3601 : random.nextInt(300))
                    .append("}");
        }
        return others.toString();
    }

    /** A ward's escalation: a critical and/or a warning list of steps, now and then empty, out of order or bad. */
    private static String escalation(Random random) {
        List<String> lists = new ArrayList<>();
        for (String severity : new String[] {"critical", "warning"}) {
            if (random.nextBoolean()) {
                List<String> steps = new ArrayList<>();
                int after = random.nextInt(10);
                for (int i = random.nextInt(4); i > 0; i--) {
                    after += random.nextInt(20) == 0 ? -5 : random.nextInt(6);
                    String minutes = random.nextInt(25) == 0 ? after + ".5" : Integer.toString(after);
                    int tier = random.nextInt(25) == 0 ? 4 : 1 + random.nextInt(3);
                    String kind = switch (random.nextInt(6)) {
                        case 0 -> ", \"kind\": \"reminder\"";
                        case 1 -> ", \"kind\": \"unacknowledged\"";
                        case 2 -> random.nextInt(4) == 0 ? ", \"kind\": \"page\"" : "";
                        default -> "";
                    };
                    steps.add("{\"afterMinutes\": " + minutes + ", \"tier\": " + tier + kind + "}");
                }
                lists.add("\"" + severity + "\": [" + String.join(", ", steps) + "]");
            }
        }
        if (random.nextInt(20) == 0) {
            lists.add("\"advisory\": []");
        }
        return "{" + String.join(", ", lists) + "}";
    }

    private void assertSameRefusal(Path file, String line) {
        String expected = "invalid tenant configuration " + file + ":\n  " + line;
        assertThatThrownBy(() -> FunctionConfigReader.read(file)).hasMessage(expected);
        assertThatThrownBy(() -> TenantConfigReader.read(file)).hasMessage(expected);
    }

    private static InvalidConfigurationException refusal(Runnable read) {
        return catchThrowableOfType(InvalidConfigurationException.class, read::run);
    }

    private Path write(String name, String thresholds) throws IOException {
        return write(name, thresholds, "");
    }

    private Path write(String name, String thresholds, String others) throws IOException {
        return Files.writeString(dir.resolve(name), TENANT.formatted(thresholds, others));
    }
}
