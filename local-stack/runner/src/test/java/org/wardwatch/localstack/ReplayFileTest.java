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
import org.wardwatch.localstack.ReplayFile.WardPolicy;
import org.wardwatch.model.tenant.VitalsPolicy;

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
            "{\"declare\":\"transfer\",\"ward\":\"ICU-3\",\"bed\":\"1\"}|\"declare\" must be \"device\", \"ward\", \"admission\" or \"discharge\"",
            "{\"declare\":\"ward\",\"ward\":\"W5\",\"vitals\":\"news\"}|\"vitals\" must be \"news2\" or \"thresholds\"",
            "{\"declare\":\"ward\",\"ward\":\"W5\"}|\"vitals\" is required",
            "{\"declare\":\"ward\",\"vitals\":\"news2\"}|\"ward\" is required",
            "{\"declare\":\"ward\",\"ward\":\"W5\",\"vitals\":\"news2\",\"bed\":\"2\"}|unknown field \"bed\""})
    void aBadDeclareLine_isOneLineNamingTheFileAndTheLine(String line, String message) {
        assertThat(refusal(OXIMETER, line)).isEqualTo(dir.resolve("shift.jsonl") + " line 2: " + message);
    }

    @Test
    void aWardDeclaration_isTheWardsVitalsPolicy_andTheSamePolicyAgainIsAccepted() throws Exception {
        List<Line> lines = parse("{\"declare\":\"ward\",\"ward\":\"W5\",\"vitals\":\"news2\"}",
                "{\"declare\":\"ward\",\"ward\":\"ICU-3\",\"vitals\":\"thresholds\"}",
                "{\"declare\":\"ward\",\"ward\":\"W5\",\"vitals\":\"news2\"}");

        assertThat(lines).containsExactly(new WardPolicy(1, "W5", VitalsPolicy.NEWS2),
                new WardPolicy(2, "ICU-3", VitalsPolicy.THRESHOLDS), new WardPolicy(3, "W5", VitalsPolicy.NEWS2));
    }

    @Test
    void aSecondDeclarationOfAWardWithAnotherPolicy_isRefused_namingBothLines() {
        assertThat(refusal("{\"declare\":\"ward\",\"ward\":\"W5\",\"vitals\":\"news2\"}", OXIMETER,
                "{\"declare\":\"ward\",\"ward\":\"W5\",\"vitals\":\"thresholds\"}"))
                .isEqualTo(dir.resolve("shift.jsonl") + " line 3: ward W5 was declared news2 on line 1; a ward has one "
                        + "vitals policy for the whole replay (this line says thresholds)");
    }

    @Test
    void aNurseObservation_becomesTheAdmissionFunctionsObserveRequest_withItsTime() throws Exception {
        AdmissionCall observe = (AdmissionCall) parse("{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\","
                + "\"time\":\"2026-11-20T10:00:00Z\",\"consciousness\":\"A\",\"oxygen\":false},\"by\":\"nurse-0017\"}")
                .get(0);

        assertThat(observe.request().toString()).isEqualTo("{\"action\":\"observe\",\"ward\":\"W5\",\"bed\":\"2\","
                + "\"consciousness\":\"A\",\"oxygen\":false,\"by\":\"nurse-0017\"}");
        assertThat(observe.time()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void anObservationOfOxygenAlone_withoutTime_leavesConsciousnessOut_andTakesItsTimeWhenItRuns() throws Exception {
        AdmissionCall observe = (AdmissionCall) parse(
                "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"oxygen\":true},\"by\":\"nurse-0017\"}").get(0);

        assertThat(observe.request().toString()).isEqualTo(
                "{\"action\":\"observe\",\"ward\":\"W5\",\"bed\":\"2\",\"oxygen\":true,\"by\":\"nurse-0017\"}");
        assertThat(observe.time()).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"consciousness\":\"X\"},\"by\":\"n\"}|\"observation.consciousness\" must be one of A, C, V, P, U",
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"consciousness\":\"a\"},\"by\":\"n\"}|\"observation.consciousness\" must be one of A, C, V, P, U",
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"oxygen\":\"yes\"},\"by\":\"n\"}|\"observation.oxygen\" must be true or false",
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\"},\"by\":\"n\"}|an observation needs \"consciousness\" or \"oxygen\" (or both)",
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"oxygen\":true}}|\"by\" is required: who observed, e.g. \"nurse-0017\"",
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"oxygen\":true},\"by\":17}|\"by\" is required: who observed, e.g. \"nurse-0017\"",
            "{\"observation\":{\"ward\":\"W5\",\"oxygen\":true},\"by\":\"n\"}|\"observation.bed\" is required",
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"oxygen\":true,\"rr\":22},\"by\":\"n\"}|unknown field \"observation.rr\"",
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"oxygen\":true},\"by\":\"n\",\"patient\":\"x\"}|unknown field \"patient\"",
            "{\"observation\":{\"ward\":\"W5\",\"bed\":\"2\",\"oxygen\":true,\"time\":\"10:00\"},\"by\":\"n\"}|\"observation.time\" must be an ISO-8601 time, e.g. 2026-11-24T22:05:00Z",
            "{\"observation\":\"A\",\"by\":\"n\"}|\"observation\" must be an object: {\"ward\":..,\"bed\":..,\"consciousness\":..,\"oxygen\":..}"})
    void aBadObservationLine_isOneLineNamingTheFileAndTheLine(String line, String message) {
        assertThat(refusal(OXIMETER, line)).isEqualTo(dir.resolve("shift.jsonl") + " line 2: " + message);
    }
}
