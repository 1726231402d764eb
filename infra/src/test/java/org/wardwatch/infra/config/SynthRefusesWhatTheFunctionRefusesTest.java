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
              "thresholds": { %s }
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

        assertSameRefusal(file, "thresholds.spo2[0].max: spo2 is compared at 0 decimal place(s), so 91.5 cannot be a "
                + "bound");
    }

    /** Generated threshold blocks, good and bad: synth accepts exactly those the function accepts, same lines. */
    @Test
    void generatedThresholds_synthAcceptsExactlyWhatTheFunctionAccepts() throws IOException {
        Random random = new Random(12);
        String[] metrics = {"spo2", "heart_rate", "body_temperature", "glucose", "respiratory_rate", "diastolic_bp"};
        int accepted = 0;
        for (int trial = 0; trial < 300; trial++) {
            List<String> blocks = new ArrayList<>();
            for (String metric : metrics) {
                if (random.nextInt(3) == 0) {
                    blocks.add("\"" + metric + "\": [" + bands(random) + "]");
                }
            }
            Path file = write("trial-" + trial + ".json", String.join(", ", blocks));
            InvalidConfigurationException function = refusal(() -> FunctionConfigReader.read(file));
            InvalidConfigurationException synth = refusal(() -> TenantConfigReader.read(file));
            if (function == null) {
                accepted++;
                assertThat(synth).as(Files.readString(file)).isNull();
            } else {
                assertThat(synth).as(Files.readString(file)).isNotNull();
                assertThat(synth.problems()).isEqualTo(function.problems());
            }
        }
        assertThat(accepted).as("the generator makes valid files too").isBetween(30, 270);
    }

    private static String bands(Random random) {
        List<String> bands = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        int at = random.nextInt(60);
        for (int i = 0; i < count; i++) {
            int min = at + random.nextInt(10) - 2;
            int max = min + random.nextInt(12) - 1;
            String maxText = random.nextInt(8) == 0 ? max + ".5" : Integer.toString(max);
            String severity = random.nextInt(10) == 0 ? "LOUD" : random.nextBoolean() ? "WARNING" : "CRITICAL";
            bands.add(switch (random.nextInt(3)) {
                case 0 -> "{\"max\": " + maxText + ", \"severity\": \"" + severity + "\"}";
                case 1 -> "{\"min\": " + min + ", \"severity\": \"" + severity + "\"}";
                default -> "{\"min\": " + min + ", \"max\": " + maxText + ", \"severity\": \"" + severity + "\"}";
            });
            at = max + 1 + random.nextInt(5);
        }
        return String.join(", ", bands);
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
        return Files.writeString(dir.resolve(name), TENANT.formatted(thresholds));
    }
}
