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
import org.wardwatch.localstack.ReplayFile.Acknowledgement;
import org.wardwatch.localstack.ReplayFile.Clock;
import org.wardwatch.localstack.ReplayFile.Line;

/** A replay's ack and clock lines: checked with the whole file, each bad field one error naming file and line. */
class ReplayAckAndClockLinesTest {

    private static final String OXIMETER =
            "{\"declare\":\"device\",\"thing\":\"icu3-bed12-spo2\",\"kind\":\"pulse_oximeter\",\"ward\":\"ICU-3\",\"bed\":\"12\"}";
    private static final String READING_10_05 =
            "{\"device\":\"icu3-bed12-spo2\",\"deviceTime\":\"2026-11-20T10:05:00Z\",\"readings\":[]}";

    @TempDir
    Path dir;

    private List<Line> parse(String... lines) throws Exception {
        Path file = dir.resolve("night.jsonl");
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
    void anAckLine_becomesTheAcknowledgeFunctionsFlatRequest_inTheDesignsOrder_withItsTimeApart() throws Exception {
        Acknowledgement ack = (Acknowledgement) parse("{\"note\":\"repositioned probe\",\"time\":\"2026-11-20T10:06:00Z\","
                + "\"by\":\"nurse-0017\",\"ack\":{\"metric\":\"spo2\",\"type\":\"THRESHOLD\",\"bed\":\"12\",\"ward\":\"ICU-3\"}}")
                .get(0);

        assertThat(ack.request().toString()).isEqualTo("{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\","
                + "\"metric\":\"spo2\",\"by\":\"nurse-0017\",\"note\":\"repositioned probe\"}");
        assertThat(ack.time()).isEqualTo(Instant.parse("2026-11-20T10:06:00Z"));
        assertThat(ack.number()).isEqualTo(1);
    }

    @Test
    void anAckOfARoomsAlert_withoutMetricNoteOrTime_namesTheRoom_andTakesItsTimeWhenItRuns() throws Exception {
        Acknowledgement ack = (Acknowledgement) parse(
                "{\"ack\":{\"ward\":\"W5\",\"room\":\"3\",\"type\":\"ENVIRONMENT\"},\"by\":\"nurse-0017\"}").get(0);

        assertThat(ack.request().toString())
                .isEqualTo("{\"ward\":\"W5\",\"room\":\"3\",\"type\":\"ENVIRONMENT\",\"by\":\"nurse-0017\"}");
        assertThat(ack.time()).isNull();
    }

    @Test
    void anAckOfAFridgesAlert_namesTheDevice() throws Exception {
        Acknowledgement ack = (Acknowledgement) parse("{\"ack\":{\"ward\":\"Pharmacy\",\"device\":\"pharmacy-fridge-1\","
                + "\"type\":\"COLD_CHAIN\",\"metric\":\"temperature\"},\"by\":\"pharmacist-0042\"}").get(0);

        assertThat(ack.request().path("device").asText()).isEqualTo("pharmacy-fridge-1");
        assertThat(ack.request().has("bed")).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"ack\":{\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\"}|\"ack.ward\" is required",
            "{\"ack\":{\"ward\":7,\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\"}|\"ack.ward\" must be a non-empty string",
            "{\"ack\":{\"ward\":\"ICU-3\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\"}|\"ack\" needs exactly one of \"bed\", \"room\" or \"device\"",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"room\":\"3\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\"}|\"ack\" needs exactly one of \"bed\", \"room\" or \"device\" (it has bed and room)",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\"}|\"ack.bed\" must be a non-empty string",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\"},\"by\":\"n-1\"}|\"ack.type\" is required",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"threshold\"},\"by\":\"n-1\"}|\"ack.type\" must be one of THRESHOLD, NEWS2, ENVIRONMENT, COLD_CHAIN, DEVICE",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"EXCURSION\"},\"by\":\"n-1\"}|\"ack.type\" must be one of THRESHOLD, NEWS2, ENVIRONMENT, COLD_CHAIN, DEVICE",
            "{\"ack\":{\"ward\":\"W5\",\"bed\":\"3\",\"type\":\"ENVIRONMENT\"},\"by\":\"n-1\"}|ENVIRONMENT alerts are at a room: \"ack\" needs \"room\", not \"bed\"",
            "{\"ack\":{\"ward\":\"ICU-3\",\"device\":\"icu3-bed12-spo2\",\"type\":\"NEWS2\"},\"by\":\"n-1\"}|NEWS2 alerts are at a bed: \"ack\" needs \"bed\", not \"device\"",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\",\"metric\":90},\"by\":\"n-1\"}|\"ack.metric\" must be a non-empty string",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\",\"patientRef\":\"adm-1\"},\"by\":\"n-1\"}|unknown field \"ack.patientRef\"",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"}}|\"by\" is required: who acknowledged, a staff identifier: 1-64 of A-Z a-z 0-9 . _ @ : - (e.g. \"nurse-0017\")",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"Nurse Jane Smith\"}|\"by\" is required: who acknowledged, a staff identifier: 1-64 of A-Z a-z 0-9 . _ @ : - (e.g. \"nurse-0017\")",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":17}|\"by\" is required: who acknowledged, a staff identifier: 1-64 of A-Z a-z 0-9 . _ @ : - (e.g. \"nurse-0017\")",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\",\"note\":[\"x\"]}|\"note\" must be a string of at most 500 characters",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\",\"time\":\"10:06\"}|\"time\" must be an ISO-8601 time, e.g. 2026-11-24T22:05:00Z",
            "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\",\"tier\":2}|unknown field \"tier\"",
            "{\"ack\":\"ICU-3 bed 12\",\"by\":\"n-1\"}|\"ack\" must be an object: {\"ward\":..,\"bed\":..,\"type\":..,\"metric\":..}",
            "{\"clock\":\"10:05\"}|\"clock\" must be an ISO-8601 time, e.g. 2026-11-20T10:05:30Z",
            "{\"clock\":1763633130}|\"clock\" must be an ISO-8601 time, e.g. 2026-11-20T10:05:30Z",
            "{\"clock\":\"2026-11-20T10:05:30Z\",\"ward\":\"ICU-3\"}|a clock line is {\"clock\":\"<ISO-8601 time>\"} and nothing else"})
    void aBadAckOrClockLine_isOneLineNamingTheFileAndTheLine(String line, String message) {
        assertThat(refusal(OXIMETER, line)).isEqualTo(dir.resolve("night.jsonl") + " line 2: " + message);
    }

    @Test
    void aNoteOf500Characters_isTaken_andOf501_isRefused() throws Exception {
        String ack = "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\",\"note\":\"%s\"}";

        assertThat(((Acknowledgement) parse(ack.formatted("x".repeat(500))).get(0)).request().path("note").asText())
                .hasSize(500);
        assertThat(refusal(ack.formatted("x".repeat(501))))
                .endsWith("line 1: \"note\" must be a string of at most 500 characters");
    }

    @Test
    void aClockLine_isTheInstantOfEveryScheduledCheck() throws Exception {
        List<Line> lines = parse(OXIMETER, READING_10_05, "{\"clock\":\"2026-11-20T10:05:30Z\"}",
                "{\"clock\":\"2026-11-20T10:05:30Z\"}");

        assertThat(lines.get(2)).isEqualTo(new Clock(3, Instant.parse("2026-11-20T10:05:30Z")));
        assertThat(lines.get(3)).isEqualTo(new Clock(4, Instant.parse("2026-11-20T10:05:30Z")));
    }

    @Test
    void aClockLineEarlierThanTheReadingBeforeIt_isRefused_sayingClockLinesMoveForward() {
        assertThat(refusal(OXIMETER, READING_10_05, "{\"clock\":\"2026-11-20T10:04:59Z\"}")).isEqualTo(
                dir.resolve("night.jsonl") + " line 3: clock 2026-11-20T10:04:59Z is earlier than line 2 "
                        + "(2026-11-20T10:05:00Z): clock lines move forward, never earlier than the line before them "
                        + "with a time");
    }

    @Test
    void aClockLine_isComparedWithTheLastLineThatHasATime_notWithTheLatestOfTheFile() throws Exception {
        // A late reading (file order is arrival order) is the line before the clock with a time: 10:01 counts.
        List<Line> lines = parse(OXIMETER, READING_10_05,
                "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\",\"time\":\"2026-11-20T10:06:00Z\"}",
                READING_10_05.replace("10:05:00", "10:01:00"),
                "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\"}",
                "{\"clock\":\"2026-11-20T10:02:00Z\"}");

        assertThat(lines.get(5)).isInstanceOf(Clock.class);
        assertThat(refusal(OXIMETER, READING_10_05,
                "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\",\"time\":\"2026-11-20T10:06:00Z\"}",
                "{\"clock\":\"2026-11-20T10:05:30Z\"}"))
                .contains("line 4: clock 2026-11-20T10:05:30Z is earlier than line 3 (2026-11-20T10:06:00Z)");
    }

    @Test
    void theTimesOfAckAndClockLines_countForTheShift() throws Exception {
        List<Line> acked = parse(OXIMETER, READING_10_05,
                "{\"ack\":{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\"},\"by\":\"n-1\",\"time\":\"2026-11-20T10:06:00Z\"}");
        List<Line> clocked = parse(OXIMETER, READING_10_05, "{\"clock\":\"2026-11-20T10:15:00Z\"}");
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        assertThat(TimeShift.toNow(acked, now).published(Instant.parse("2026-11-20T10:06:00Z"))).isEqualTo(now);
        assertThat(TimeShift.toNow(clocked, now).published(Instant.parse("2026-11-20T10:15:00Z"))).isEqualTo(now);
    }
}
