package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.localstack.ReplayFile.AdmissionCall;
import org.wardwatch.localstack.ReplayFile.Declare;
import org.wardwatch.localstack.ReplayFile.Line;
import org.wardwatch.localstack.ReplayFile.Move;
import org.wardwatch.localstack.ReplayFile.Publish;

/** Reading a replay file: every line checked before anything runs, each bad one named by file and line. */
class ReplayFileTest {

    private static final String OXIMETER =
            "{\"declare\":\"device\",\"thing\":\"icu3-bed15-spo2\",\"kind\":\"pulse_oximeter\",\"ward\":\"ICU-3\",\"bed\":\"15\"}";

    @TempDir
    Path dir;

    private List<Line> parse(String... lines) throws Exception {
        Path file = dir.resolve("shift.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return ReplayFile.parse(file, "demo-hospital");
    }

    private String refusal(String... lines) {
        ReplayFile.ReplayFileException refused = catchThrowableOfType(() -> parse(lines),
                ReplayFile.ReplayFileException.class);
        assertThat(refused).as("refused").isNotNull();
        return refused.getMessage();
    }

    @Test
    void anAdmissionLine_becomesTheAdmissionFunctionsAdmitRequest_withOverridesPassedThroughAsJson() throws Exception {
        List<Line> lines = parse("{\"declare\":\"admission\",\"ward\":\"ICU-3\",\"bed\":\"15\",\"patientRef\":\"adm-0003\","
                + "\"spo2Scale\":2,\"by\":\"dr-0012\",\"reason\":\"COPD, hypercapnic\",\"time\":\"2026-11-24T21:00:00Z\","
                + "\"overrides\":{\"body_temperature\":[{\"min\":38.5,\"severity\":\"WARNING\"}]}}");

        AdmissionCall admit = (AdmissionCall) lines.get(0);
        assertThat(admit.request().toString()).isEqualTo("{\"action\":\"admit\",\"ward\":\"ICU-3\",\"bed\":\"15\","
                + "\"patientRef\":\"adm-0003\",\"spo2Scale\":2,\"by\":\"dr-0012\",\"reason\":\"COPD, hypercapnic\","
                + "\"overrides\":{\"body_temperature\":[{\"min\":38.5,\"severity\":\"WARNING\"}]}}");
        assertThat(admit.time()).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
    }

    @Test
    void anAdmissionWithoutScaleOrTime_isScale1_andTakesItsTimeWhenItRuns() throws Exception {
        AdmissionCall admit = (AdmissionCall) parse(
                "{\"declare\":\"admission\",\"ward\":\"ICU-3\",\"bed\":\"4\",\"patientRef\":\"adm-0004\"}").get(0);

        assertThat(admit.request().path("spo2Scale").asInt()).isEqualTo(1);
        assertThat(admit.time()).isNull();
    }

    @Test
    void aDischargeLine_becomesTheDischargeRequest() throws Exception {
        AdmissionCall discharge = (AdmissionCall) parse(
                "{\"declare\":\"discharge\",\"ward\":\"ICU-3\",\"bed\":\"15\",\"by\":\"rn-0040\"}").get(0);

        assertThat(discharge.request().toString())
                .isEqualTo("{\"action\":\"discharge\",\"ward\":\"ICU-3\",\"bed\":\"15\",\"by\":\"rn-0040\"}");
    }

    @Test
    void aSecondDeclareOfADevice_isAMoveToItsNewPlace() throws Exception {
        List<Line> lines = parse(OXIMETER, OXIMETER.replace("\"15\"", "\"16\""));

        assertThat(lines.get(0)).isInstanceOf(Declare.class);
        assertThat(lines.get(1)).isInstanceOfSatisfying(Move.class, m -> {
            assertThat(m.number()).isEqualTo(2);
            assertThat(m.spec().bed()).isEqualTo("16");
        });
    }

    @Test
    void aMoveThatChangesTheKind_isRefused_namingTheLineOfTheFirstDeclare() {
        assertThat(refusal(OXIMETER, OXIMETER.replace("pulse_oximeter", "bp_monitor")))
                .endsWith("shift.jsonl line 2: device icu3-bed15-spo2 was declared a pulse_oximeter on line 1; a move "
                        + "keeps the kind (a bp_monitor needs a thing of its own)");
    }

    @Test
    void aSecondDeclareAtTheSamePlace_isRefused() {
        assertThat(refusal(OXIMETER, OXIMETER)).contains("line 2: device icu3-bed15-spo2 is already at that place");
    }

    @Test
    void aReadingLine_keepsItsDeviceTime_andAReadingWithATimeThatIsNotIsoIsStillPublished() throws Exception {
        List<Line> lines = parse(OXIMETER,
                "{\"device\":\"icu3-bed15-spo2\",\"deviceTime\":\"2024-03-10T06:00:00+01:00\",\"readings\":[]}",
                "{\"device\":\"icu3-bed15-spo2\",\"deviceTime\":\"yesterday\",\"readings\":[]}");

        assertThat(((Publish) lines.get(1)).deviceTime()).isEqualTo(Instant.parse("2024-03-10T05:00:00Z"));
        assertThat(((Publish) lines.get(2)).deviceTime()).isNull();
        assertThat(((Publish) lines.get(2)).payload().path("deviceTime").asText()).isEqualTo("yesterday");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"declare\":\"admission\",\"ward\":\"ICU-3\",\"bed\":\"15\"}|\"patientRef\" is required",
            "{\"declare\":\"admission\",\"ward\":\"ICU-3\",\"patientRef\":\"adm-1\"}|\"bed\" is required",
            "{\"declare\":\"admission\",\"ward\":\"ICU-3\",\"bed\":\"1\",\"patientRef\":\"a\",\"spo2Scale\":3}|\"spo2Scale\" must be 1 or 2",
            "{\"declare\":\"admission\",\"ward\":\"ICU-3\",\"bed\":\"1\",\"patientRef\":\"a\",\"overrides\":[]}|\"overrides\" must be an object: {metric: bands}",
            "{\"declare\":\"admission\",\"ward\":\"ICU-3\",\"bed\":\"1\",\"patientRef\":\"a\",\"time\":\"noon\"}|\"time\" must be an ISO-8601 time, e.g. 2026-11-24T22:05:00Z",
            "{\"declare\":\"admission\",\"ward\":\"ICU-3\",\"bed\":\"1\",\"patientRef\":\"a\",\"name\":\"J. Smith\"}|unknown field \"name\"",
            "{\"declare\":\"discharge\",\"ward\":\"ICU-3\",\"bed\":\"1\",\"patientRef\":\"a\"}|unknown field \"patientRef\"",
            "{\"declare\":\"discharge\",\"ward\":\"ICU-3\",\"bed\":\"1\",\"by\":7}|\"by\" must be a string",
            "{\"declare\":\"transfer\",\"ward\":\"ICU-3\",\"bed\":\"1\"}|\"declare\" must be \"device\", \"admission\" or \"discharge\""})
    void aBadDeclareLine_isOneLineNamingTheFileAndTheLine(String line, String message) {
        assertThat(refusal(OXIMETER, line)).isEqualTo(dir.resolve("shift.jsonl") + " line 2: " + message);
    }
}
