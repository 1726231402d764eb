package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The replay's line for an alert's escalation notifications (a reminder, a page to a further tier, the news that
 * someone took it), from the document the renderer publishes, its time moved back to the file's.
 */
class EscalationNotificationLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TimeShift SHIFT = new TimeShift(Duration.ofDays(11));

    private static String published(String fileTime) {
        return Instant.parse(fileTime).plus(SHIFT.offset()).toString();
    }

    /** The escalation document as the design lays it out, every field present. */
    private static JsonNode document(String transition, String placeFields, String tierFields) throws Exception {
        return JSON.readTree("{\"type\":\"THRESHOLD\",\"transition\":\"" + transition + "\",\"severity\":\"CRITICAL\","
                + "\"currentSeverity\":\"CRITICAL\",\"alertId\":\"K7Q2XM4\",\"tenantId\":\"demo-hospital\","
                + "\"ward\":\"ICU-3\"," + placeFields + ",\"metric\":\"spo2\"," + tierFields + ","
                + "\"openedAt\":\"" + published("2026-11-20T10:02:00Z") + "\",\"clockFrom\":\""
                + published("2026-11-20T10:02:00Z") + "\",\"time\":\"" + published("2026-11-20T10:05:30Z") + "\","
                + "\"sms\":\"[wardwatch] ...\",\"emailSubject\":\"...\"}");
    }

    @Test
    void aReminder_namesTypeMetricSeverityTransitionTierAndTheFilesTime_thenWardAndBed() throws Exception {
        JsonNode reminder = document("REMINDER", "\"bed\":\"12\"", "\"tier\":1,\"tiers\":[1]");

        assertThat(Replay.notificationLine(reminder, SHIFT).toString()).isEqualTo("{\"type\":\"THRESHOLD\","
                + "\"metric\":\"spo2\",\"severity\":\"CRITICAL\",\"transition\":\"REMINDER\",\"tier\":1,"
                + "\"time\":\"2026-11-20T10:05:30Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}");
    }

    @Test
    void aPageToTier2_namesTheTier() throws Exception {
        JsonNode unacknowledged = document("UNACKNOWLEDGED", "\"bed\":\"12\"", "\"tier\":2,\"tiers\":[2]");

        assertThat(Replay.notificationLine(unacknowledged, SHIFT).toString()).isEqualTo("{\"type\":\"THRESHOLD\","
                + "\"metric\":\"spo2\",\"severity\":\"CRITICAL\",\"transition\":\"UNACKNOWLEDGED\",\"tier\":2,"
                + "\"time\":\"2026-11-20T10:05:30Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}");
    }

    @Test
    void anAcknowledgement_namesTheTiersToldAndWhoTookIt_withoutItsNote() throws Exception {
        JsonNode acknowledged = JSON.readTree(document("ACKNOWLEDGED", "\"bed\":\"12\"", "\"tier\":2,\"tiers\":[1,2]")
                .toString().replace(",\"sms\"", ",\"by\":\"nurse-0017\",\"note\":\"repositioned probe\",\"sms\""));

        assertThat(Replay.notificationLine(acknowledged, SHIFT).toString()).isEqualTo("{\"type\":\"THRESHOLD\","
                + "\"metric\":\"spo2\",\"severity\":\"CRITICAL\",\"transition\":\"ACKNOWLEDGED\",\"tiers\":[1,2],"
                + "\"by\":\"nurse-0017\",\"time\":\"2026-11-20T10:05:30Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}");
    }

    @Test
    void aRoomsOrADevicesEscalation_namesTheRoomOrTheDevice() throws Exception {
        JsonNode room = document("UNACKNOWLEDGED", "\"room\":\"3\"", "\"tier\":2,\"tiers\":[2]");
        JsonNode fridge = document("REMINDER", "\"device\":\"pharmacy-fridge-1\"", "\"tier\":1,\"tiers\":[1]");

        assertThat(Replay.notificationLine(room, SHIFT).toString())
                .endsWith("\"time\":\"2026-11-20T10:05:30Z\",\"ward\":\"ICU-3\",\"room\":\"3\"}");
        assertThat(Replay.notificationLine(fridge, SHIFT).toString())
                .endsWith("\"time\":\"2026-11-20T10:05:30Z\",\"ward\":\"ICU-3\",\"device\":\"pharmacy-fridge-1\"}");
    }

    @Test
    void aNews2AlertsReminder_hasTheEscalationShape_notTheNews2One() throws Exception {
        JsonNode reminder = JSON.readTree(document("REMINDER", "\"bed\":\"2\"", "\"tier\":1,\"tiers\":[1]").toString()
                .replace("\"type\":\"THRESHOLD\"", "\"type\":\"NEWS2\"").replace("\"spo2\"", "\"news2\""));

        assertThat(Replay.notificationLine(reminder, SHIFT).toString()).isEqualTo("{\"type\":\"NEWS2\","
                + "\"metric\":\"news2\",\"severity\":\"CRITICAL\",\"transition\":\"REMINDER\",\"tier\":1,"
                + "\"time\":\"2026-11-20T10:05:30Z\",\"ward\":\"ICU-3\",\"bed\":\"2\"}");
    }
}
