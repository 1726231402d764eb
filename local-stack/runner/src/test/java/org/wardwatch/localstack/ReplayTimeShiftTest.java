package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.localstack.ReplayFile.Line;
import org.wardwatch.localstack.ReplayFile.Publish;

/** A recorded file of any date replays as if just recorded, and prints its own times. */
class ReplayTimeShiftTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<Line> file2024() throws Exception {
        Path file = dir.resolve("2024.jsonl");
        Files.writeString(file, """
                {"declare":"device","thing":"icu3-bed15-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"15"}
                {"device":"icu3-bed15-spo2","deviceTime":"2024-03-10T06:00:00Z","readings":[]}
                {"declare":"admission","ward":"ICU-3","bed":"15","patientRef":"adm-0003","time":"2024-03-10T06:30:00.250Z"}
                {"device":"icu3-bed15-spo2","deviceTime":"2024-03-10T07:45:30.500Z","readings":[]}
                {"device":"icu3-bed15-spo2","deviceTime":"2024-03-10T07:10:00Z","readings":[]}
                {"device":"icu3-bed15-spo2","raw":"SPO2=91"}
                """);
        return ReplayFile.parse(file, "demo-hospital");
    }

    @Test
    void aFileFrom2024_isMovedSoThatItsLatestDeviceTimeIsNow_inWholeSeconds_keepingItsSpacing() throws Exception {
        List<Line> lines = file2024();
        Instant now = Instant.parse("2026-12-01T23:40:12.734Z");

        TimeShift shift = TimeShift.toNow(lines, now);

        assertThat(shift.published(((Publish) lines.get(3)).deviceTime()))
                .isEqualTo(Instant.parse("2026-12-01T23:40:12.500Z"));
        assertThat(shift.published(((Publish) lines.get(1)).deviceTime()))
                .isEqualTo(Instant.parse("2026-12-01T21:54:42Z"));
        assertThat(shift.offset().toNanos() % 1_000_000_000L).isZero();
        assertThat(Duration.between(shift.published(((Publish) lines.get(1)).deviceTime()),
                shift.published(((Publish) lines.get(3)).deviceTime())))
                .isEqualTo(Duration.between(((Publish) lines.get(1)).deviceTime(), ((Publish) lines.get(3)).deviceTime()));
    }

    @Test
    void theTimeOfADeclareLine_countsForTheLatestTime() throws Exception {
        Path file = dir.resolve("admission-last.jsonl");
        Files.writeString(file, """
                {"declare":"device","thing":"icu3-bed15-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"15"}
                {"device":"icu3-bed15-spo2","deviceTime":"2024-03-10T06:00:00Z","readings":[]}
                {"declare":"discharge","ward":"ICU-3","bed":"15","time":"2024-03-10T08:00:00Z"}
                """);

        TimeShift shift = TimeShift.toNow(ReplayFile.parse(file, "demo-hospital"), Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(shift.published(Instant.parse("2024-03-10T08:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aFileWithoutTimes_isNotMoved() throws Exception {
        Path file = dir.resolve("raw.jsonl");
        Files.writeString(file, """
                {"declare":"device","thing":"icu3-bed15-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"15"}
                {"device":"icu3-bed15-spo2","raw":"SPO2=91"}
                """);

        assertThat(TimeShift.toNow(ReplayFile.parse(file, "demo-hospital"), Instant.now())).isEqualTo(TimeShift.NONE);
    }

    @Test
    void aNotificationLine_carriesTheFilesOwnTime_thenWardBedPatientAndReason_inThatOrder() throws Exception {
        TimeShift shift = new TimeShift(Duration.ofDays(800));
        String published = Instant.parse("2024-03-10T07:45:30Z").plus(Duration.ofDays(800)).toString();
        var alert = JSON.readTree("{\"reason\":\"DISCHARGED\",\"patientRef\":\"adm-0003\",\"bed\":\"15\",\"ward\":\"ICU-3\","
                + "\"room\":null,\"deviceTime\":\"" + published + "\",\"value\":88,\"transition\":\"RESOLVED\","
                + "\"severity\":\"WARNING\",\"metric\":\"spo2\",\"type\":\"THRESHOLD\",\"device\":\"icu3-bed15-spo2\","
                + "\"alertId\":\"ABC\",\"sms\":\"...\"}");

        assertThat(Replay.notificationLine(alert, shift).toString()).isEqualTo("{\"device\":\"icu3-bed15-spo2\","
                + "\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"severity\":\"WARNING\",\"transition\":\"RESOLVED\","
                + "\"value\":88,\"deviceTime\":\"2024-03-10T07:45:30Z\",\"ward\":\"ICU-3\",\"bed\":\"15\","
                + "\"patientRef\":\"adm-0003\",\"reason\":\"DISCHARGED\"}");
    }

    @Test
    void aRoomsNotificationLine_namesWardAndRoom_andNoPatient() throws Exception {
        var alert = JSON.readTree("{\"device\":\"w5-room3-env\",\"type\":\"ENVIRONMENT\",\"metric\":\"co2\","
                + "\"severity\":\"WARNING\",\"transition\":\"OPENED\",\"value\":1250,\"deviceTime\":\"2026-11-20T10:01:00Z\","
                + "\"ward\":\"W5\",\"bed\":null,\"room\":\"3\",\"isolation\":\"negative\"}");

        assertThat(Replay.notificationLine(alert, TimeShift.NONE).toString()).endsWith(
                "\"deviceTime\":\"2026-11-20T10:01:00Z\",\"ward\":\"W5\",\"room\":\"3\"}");
    }

    @Test
    void aNews2NotificationLine_namesWardBedPatientScoreBandAndTransition_inThatOrder_withoutMissingWhenComplete()
            throws Exception {
        TimeShift shift = new TimeShift(Duration.ofDays(10));
        String published = Instant.parse("2026-11-20T10:20:00Z").plus(Duration.ofDays(10)).toString();
        var alert = JSON.readTree("{\"alertId\":\"K7Q2XM4\",\"reason\":null,\"deviceTime\":\"" + published + "\","
                + "\"missing\":[],\"partial\":false,\"score\":8,\"patientRef\":\"adm-0005\",\"bed\":\"2\",\"ward\":\"W5\","
                + "\"severity\":\"CRITICAL\",\"transition\":\"ESCALATED\",\"type\":\"NEWS2\",\"device\":\"w5-bed2-spo2\","
                + "\"sms\":\"[wardwatch] CRITICAL NEWS2 8 | W5 bed 2\"}");

        assertThat(Replay.notificationLine(alert, shift).toString()).isEqualTo("{\"type\":\"NEWS2\",\"ward\":\"W5\","
                + "\"bed\":\"2\",\"patientRef\":\"adm-0005\",\"score\":8,\"severity\":\"CRITICAL\","
                + "\"transition\":\"ESCALATED\",\"partial\":false,\"deviceTime\":\"2026-11-20T10:20:00Z\"}");
    }

    @Test
    void aPartialNews2NotificationLine_namesWhatIsMissing_andAReasonWhenTheDocumentHasOne() throws Exception {
        var alert = JSON.readTree("{\"type\":\"NEWS2\",\"ward\":\"W5\",\"bed\":\"3\",\"score\":5,"
                + "\"severity\":\"WARNING\",\"transition\":\"RESOLVED\",\"partial\":true,"
                + "\"missing\":[\"consciousness\",\"temperature\"],\"deviceTime\":\"2026-11-20T11:00:00Z\","
                + "\"reason\":\"DISCHARGED\"}");

        assertThat(Replay.notificationLine(alert, TimeShift.NONE).toString()).isEqualTo("{\"type\":\"NEWS2\","
                + "\"ward\":\"W5\",\"bed\":\"3\",\"score\":5,\"severity\":\"WARNING\",\"transition\":\"RESOLVED\","
                + "\"partial\":true,\"missing\":[\"consciousness\",\"temperature\"],"
                + "\"deviceTime\":\"2026-11-20T11:00:00Z\",\"reason\":\"DISCHARGED\"}");
    }
}
