package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceAlert;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.Transition;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
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
}
