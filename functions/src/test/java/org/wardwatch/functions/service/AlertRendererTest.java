package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceAlert;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.EscalationNotification;
import org.wardwatch.functions.core.EscalationNotification.Event;
import org.wardwatch.functions.core.News2Notification;
import org.wardwatch.functions.core.News2Value;
import org.wardwatch.functions.core.Transition;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Response;
import org.wardwatch.model.news2.News2Score;
import org.wardwatch.model.reading.Metric;

class AlertRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant SUMMER = Instant.parse("2026-07-15T10:15:00Z");
    private final AlertRenderer london = new AlertRenderer(ZoneId.of("Europe/London"));

    @Test
    void theTextsAreInTheTenantsLocalTime_theDocumentsTimesStayUtcInstants() throws Exception {
        AlertNotification n = new AlertNotification("st-elsewhere", AlertNotification.THRESHOLD,
                new AlertTransition(Transition.OPENED, "K7Q2XM4", Severity.CRITICAL, Severity.NONE,
                        SUMMER.minusSeconds(30), SUMMER),
                "icu3-bed12-spo2", DeviceKind.PULSE_OXIMETER, "ICU-3", "12", Metric.SPO2, 84, "m-1", null);

        JsonNode structure = JSON.readTree(london.render(n, "k").message());
        JsonNode doc = JSON.readTree(structure.get("default").asText());

        assertThat(structure.get("sms").asText()).contains("opened 11:15 BST");
        assertThat(structure.get("email").asText()).contains("at 15 Jul 2026 11:15:00 BST (device time)");
        assertThat(doc.get("sms").asText()).isEqualTo(structure.get("sms").asText());
        assertThat(doc.get("deviceTime").asText()).isEqualTo("2026-07-15T10:15:00Z");
        assertThat(doc.get("openedAt").asText()).isEqualTo("2026-07-15T10:14:30Z");
    }

    @Test
    void aDeviceAlertsEmail_isInLocalTime_itsDeviceTimeStaysUtc() throws Exception {
        Device oximeter = new Device("sl-oximeter", "st-elsewhere", DeviceKind.PULSE_OXIMETER, "ICU-4", "1", null,
                null, true);
        DeviceAlert silent = new DeviceAlert("st-elsewhere", DeviceCondition.SILENCE,
                new AlertTransition(Transition.OPENED, "5V0M2QK", Severity.WARNING, Severity.NONE, SUMMER, SUMMER),
                oximeter, 190, SUMMER);

        JsonNode structure = JSON.readTree(london.render(silent, "k").message());

        assertThat(structure.get("email").asText()).contains("(checked 15 Jul 2026 11:15:00 BST)");
        assertThat(JSON.readTree(structure.get("default").asText()).get("deviceTime").asText())
                .isEqualTo("2026-07-15T10:15:00Z");
    }

    @Test
    void aNews2Alert_rendersItsScoreBandSubScoresAndValues_andIsRoutedByType() throws Exception {
        Instant t = Instant.parse("2026-11-25T10:20:00Z");
        Map<News2Parameter, Integer> subs = new EnumMap<>(News2Parameter.class);
        subs.put(News2Parameter.RESPIRATION_RATE, 2);
        subs.put(News2Parameter.SPO2, 2);
        subs.put(News2Parameter.SYSTOLIC_BP, 2);
        subs.put(News2Parameter.PULSE, 2);
        News2Score score = new News2Score(8, subs, Set.of(News2Parameter.TEMPERATURE,
                News2Parameter.AIR_OR_OXYGEN, News2Parameter.CONSCIOUSNESS), News2Response.HIGH);
        List<News2Value> values = List.of(
                new News2Value(News2Parameter.RESPIRATION_RATE, 22, "22", "w5-bed2-cm", t.minusSeconds(30)),
                new News2Value(News2Parameter.SPO2, 93, "93", "w5-bed2-cm", t.minusSeconds(30)),
                new News2Value(News2Parameter.SYSTOLIC_BP, 98, "98", "w5-bed2-bp", t.minusSeconds(600)),
                new News2Value(News2Parameter.PULSE, 115, "115", "w5-bed2-cm", t.minusSeconds(30)));
        News2Notification n = new News2Notification("st-elsewhere",
                new AlertTransition(Transition.ESCALATED, "K7Q2XM4", Severity.CRITICAL, Severity.WARNING,
                        t.minusSeconds(300), t), "W5", "2", "adm-0003", score, values, "w5-bed2-cm", "m-1");

        OutgoingAlert alert = london.render(n, "M#m-1#N#0");
        JsonNode structure = JSON.readTree(alert.message());
        JsonNode doc = JSON.readTree(structure.get("default").asText());

        assertThat(doc.toString()).isEqualTo(JSON.readTree("""
                {"type":"NEWS2","transition":"ESCALATED","severity":"CRITICAL","currentSeverity":"CRITICAL",
                 "previousSeverity":"WARNING","alertId":"K7Q2XM4","tenantId":"st-elsewhere","device":"w5-bed2-cm",
                 "ward":"W5","bed":"2","patientRef":"adm-0003","score":8,"response":"high","partial":true,
                 "missing":["air_or_oxygen","consciousness","temperature"],
                 "subScores":{"respiration_rate":2,"spo2":2,"systolic_bp":2,"pulse":2},
                 "parameters":[
                  {"parameter":"respiration_rate","value":"22","subScore":2,"source":"w5-bed2-cm","time":"2026-11-25T10:19:30Z"},
                  {"parameter":"spo2","value":"93","subScore":2,"source":"w5-bed2-cm","time":"2026-11-25T10:19:30Z"},
                  {"parameter":"systolic_bp","value":"98","subScore":2,"source":"w5-bed2-bp","time":"2026-11-25T10:10:00Z"},
                  {"parameter":"pulse","value":"115","subScore":2,"source":"w5-bed2-cm","time":"2026-11-25T10:19:30Z"}],
                 "deviceTime":"2026-11-25T10:20:00Z","openedAt":"2026-11-25T10:15:00Z",
                 "sms":"[wardwatch] CRITICAL NEWS2 8 partial | W5 bed 2 | RR 2 SpO2 2 SBP 2 HR 2 | escalated 10:20 GMT | #K7Q2XM4",
                 "emailSubject":"[wardwatch] CRITICAL: NEWS2 8 partial (high) at W5 bed 2 (alert K7Q2XM4 escalated)"}
                """).toString());
        assertThat(alert.attributes()).containsExactly(Map.entry("severity", "CRITICAL"), Map.entry("type", "NEWS2"),
                Map.entry("transition", "ESCALATED"), Map.entry("ward", "W5"));
        assertThat(alert.thingName()).isEqualTo("w5-bed2-cm");
        assertThat(alert.subject()).isEqualTo(doc.get("emailSubject").asText());
        assertThat(structure.get("sms").asText()).isEqualTo(doc.get("sms").asText()).doesNotContain("adm-0003");
        assertThat(structure.get("email").asText()).contains("Missing (counted 0): Air or oxygen, Consciousness, "
                + "Temperature").doesNotContain("adm-0003");
    }

    @Test
    void aNews2Alert_withNoPatientAndNoReason_leavesThoseFieldsOut() throws Exception {
        Instant t = Instant.parse("2026-11-25T10:20:00Z");
        News2Notification n = new News2Notification("st-elsewhere",
                new AlertTransition(Transition.OPENED, "K7Q2XM4", Severity.WARNING, Severity.NONE, t, t), "W5", "2",
                null, new News2Score(5, Map.of(News2Parameter.PULSE, 3, News2Parameter.SPO2, 2), Set.of(),
                        News2Response.MEDIUM), List.of(), "w5-bed2-cm", "m-1");

        JsonNode doc = JSON.readTree(JSON.readTree(london.render(n, "k").message()).get("default").asText());

        assertThat(doc.has("patientRef")).isFalse();
        assertThat(doc.has("reason")).isFalse();
        assertThat(doc.get("response").asText()).isEqualTo("medium");
        assertThat(doc.get("partial").asBoolean()).isFalse();
        assertThat(doc.get("missing")).isEmpty();
        assertThat(doc.get("subScores").fieldNames()).toIterable().containsExactly("spo2", "pulse");
    }

    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");

    private static AlertRecord record(String type, String place, String subject, int highestTier) {
        return new AlertRecord("K7Q2XM4", type, "ICU-3", place, subject, Severity.CRITICAL, OPENED, OPENED, 2,
                highestTier, null, null, null, null,
                List.of(new TimelineEntry("OPENED", OPENED, Severity.CRITICAL, 1, null, null)));
    }

    private static JsonNode document(OutgoingAlert alert) throws Exception {
        return JSON.readTree(JSON.readTree(alert.message()).get("default").asText());
    }

    @Test
    void anEscalationToTier2_isTheDocumentOfTheAlertsRecord_routedToTier2() throws Exception {
        EscalationNotification n = new EscalationNotification("st-elsewhere", Event.UNACKNOWLEDGED,
                record("THRESHOLD", "bed 12", "spo2", 2), List.of(2), OPENED.plusSeconds(330), null, null);

        OutgoingAlert alert = london.render(n, "S#2026-11-20T10:00:00Z#1");
        JsonNode structure = JSON.readTree(alert.message());

        assertThat(document(alert).toString()).isEqualTo(JSON.readTree("""
                {"type":"THRESHOLD","transition":"UNACKNOWLEDGED","severity":"CRITICAL","currentSeverity":"CRITICAL",
                 "alertId":"K7Q2XM4","tenantId":"st-elsewhere","ward":"ICU-3","bed":"12","metric":"spo2",
                 "tier":2,"tiers":[2],"openedAt":"2026-11-20T10:00:00Z","clockFrom":"2026-11-20T10:00:00Z",
                 "time":"2026-11-20T10:05:30Z",
                 "sms":"UNACKNOWLEDGED 5 min - CRITICAL ICU-3 bed 12 SpO2 alert opened 10:00 GMT, nobody has acknowledged it | #K7Q2XM4",
                 "emailSubject":"[wardwatch] UNACKNOWLEDGED 5 min, tier 2: CRITICAL SpO2 at ICU-3 bed 12 (alert K7Q2XM4)"}
                """).toString());
        assertThat(alert.attributes()).containsExactly(Map.entry("severity", "CRITICAL"),
                Map.entry("type", "THRESHOLD"), Map.entry("transition", "UNACKNOWLEDGED"), Map.entry("ward", "ICU-3"),
                Map.entry("tier", "[\"2\"]"));
        assertThat(alert.thingName()).isEqualTo("AL#K7Q2XM4");
        assertThat(alert.key()).isEqualTo("S#2026-11-20T10:00:00Z#1");
        assertThat(alert.subject()).isEqualTo(document(alert).get("emailSubject").asText());
        assertThat(structure.get("sms").asText()).isEqualTo(document(alert).get("sms").asText());
        assertThat(structure.get("email").asText()).startsWith("Alert K7Q2XM4: SpO2 UNACKNOWLEDGED\n")
                .contains("Tiers paged:  1, 2\n");
    }

    @Test
    void anAcknowledgement_namesWhoAndTheNote_andGoesToEveryTierPaged() throws Exception {
        EscalationNotification n = new EscalationNotification("st-elsewhere", Event.ACKNOWLEDGED,
                record("THRESHOLD", "bed 12", "spo2", 2), List.of(1, 2), OPENED.plusSeconds(360), "nurse-0017",
                "on my way");

        OutgoingAlert alert = london.render(n, "A#2026-11-20T10:06:00Z");

        assertThat(document(alert).toString()).isEqualTo(JSON.readTree("""
                {"type":"THRESHOLD","transition":"ACKNOWLEDGED","severity":"CRITICAL","currentSeverity":"CRITICAL",
                 "alertId":"K7Q2XM4","tenantId":"st-elsewhere","ward":"ICU-3","bed":"12","metric":"spo2",
                 "tier":2,"tiers":[1,2],"openedAt":"2026-11-20T10:00:00Z","clockFrom":"2026-11-20T10:00:00Z",
                 "time":"2026-11-20T10:06:00Z","by":"nurse-0017","note":"on my way",
                 "sms":"ACKNOWLEDGED by nurse-0017 10:06 GMT - CRITICAL ICU-3 bed 12 SpO2 | #K7Q2XM4",
                 "emailSubject":"[wardwatch] ACKNOWLEDGED by nurse-0017: CRITICAL SpO2 at ICU-3 bed 12 (alert K7Q2XM4)"}
                """).toString());
        assertThat(alert.attributes()).containsEntry("transition", "ACKNOWLEDGED")
                .containsEntry("tier", "[\"1\",\"2\"]");
    }

    @Test
    void anAcknowledgementWithoutANote_hasNoNote_aReminderNeitherByNorNote() throws Exception {
        AlertRecord r = record("THRESHOLD", "bed 12", "spo2", 1);
        JsonNode acknowledged = document(london.render(new EscalationNotification("st-elsewhere",
                Event.ACKNOWLEDGED, r, List.of(1), OPENED.plusSeconds(60), "nurse-0017", null), "A#1"));
        JsonNode reminder = document(london.render(new EscalationNotification("st-elsewhere", Event.REMINDER, r,
                List.of(1), OPENED.plusSeconds(180), null, null), "S#1#0"));

        assertThat(acknowledged.get("by").asText()).isEqualTo("nurse-0017");
        assertThat(acknowledged.has("note")).isFalse();
        assertThat(reminder.get("transition").asText()).isEqualTo("REMINDER");
        assertThat(reminder.has("by")).isFalse();
        assertThat(reminder.has("note")).isFalse();
    }

    @Test
    void theRecordsPlace_isDecodedIntoExactlyOneOfBedRoomOrDevice() throws Exception {
        JsonNode room = document(london.render(escalation(record("ENVIRONMENT", "room 3", "co2", 2)), "k"));
        JsonNode fridge = document(london.render(escalation(record("COLD_CHAIN", "ph-fridge-01",
                "storage_temperature", 2)), "k"));
        JsonNode battery = document(london.render(escalation(record("DEVICE", "icu3-bed12-ecg", "battery", 2)), "k"));

        assertThat(room.get("room").asText()).isEqualTo("3");
        assertThat(room.has("bed") || room.has("device")).isFalse();
        assertThat(fridge.get("device").asText()).isEqualTo("ph-fridge-01");
        assertThat(fridge.has("bed") || fridge.has("room")).isFalse();
        assertThat(battery.get("device").asText()).isEqualTo("icu3-bed12-ecg");
        assertThat(battery.get("metric").asText()).isEqualTo("battery");
    }

    private static EscalationNotification escalation(AlertRecord r) {
        return new EscalationNotification("st-elsewhere", Event.UNACKNOWLEDGED, r, List.of(2),
                OPENED.plusSeconds(300), null, null);
    }
}
