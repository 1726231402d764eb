package org.wardwatch.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IoT Core's lifecycle event documents and disconnect reasons, as the local broker publishes them. */
class LifecycleEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LifecycleEvent CONNECTED = LifecycleEvent.connected("fridge-3b", 1_767_225_600_123L,
            "00112233445566778899aabbccddeeff", "c0ffee", "127.0.0.1", 7);

    @Test
    void connectedEvent_hasIotCoresFields_andItsTopicNamesTheClient() throws Exception {
        JsonNode event = JSON.readTree(CONNECTED.json());

        assertThat(CONNECTED.topic()).isEqualTo("$aws/events/presence/connected/fridge-3b");
        assertThat(fieldNames(event)).containsExactly("clientId", "timestamp", "eventType", "sessionIdentifier",
                "principalIdentifier", "ipAddress", "versionNumber");
        assertThat(event.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(event.get("timestamp").asLong()).isEqualTo(1_767_225_600_123L);
        assertThat(event.get("eventType").asText()).isEqualTo("connected");
        assertThat(event.get("versionNumber").asLong()).isEqualTo(7);
    }

    @Test
    void disconnectedEvent_repeatsItsSessionsIdentity_withTheReason() throws Exception {
        LifecycleEvent disconnected = LifecycleEvent.disconnected(CONNECTED, 1_767_225_700_000L, false,
                "DUPLICATE_CLIENTID");

        JsonNode event = JSON.readTree(disconnected.json());

        assertThat(disconnected.topic()).isEqualTo("$aws/events/presence/disconnected/fridge-3b");
        assertThat(fieldNames(event)).containsExactly("clientId", "timestamp", "eventType", "sessionIdentifier",
                "principalIdentifier", "clientInitiatedDisconnect", "disconnectReason", "versionNumber");
        assertThat(event.get("sessionIdentifier").asText()).isEqualTo("00112233445566778899aabbccddeeff");
        assertThat(event.get("principalIdentifier").asText()).isEqualTo("c0ffee");
        assertThat(event.get("versionNumber").asLong()).isEqualTo(7);
        assertThat(event.get("clientInitiatedDisconnect").isBoolean()).isTrue();
        assertThat(event.get("clientInitiatedDisconnect").asBoolean()).isFalse();
        assertThat(event.get("disconnectReason").asText()).isEqualTo("DUPLICATE_CLIENTID");
        assertThat(event.get("timestamp").asLong()).isEqualTo(1_767_225_700_000L);
    }

    @Test
    void clientIdIsEscaped_inTheDocument() throws Exception {
        LifecycleEvent odd = LifecycleEvent.connected("a\"b\\c", 1, "s", "p", "127.0.0.1", 1);

        assertThat(JSON.readTree(odd.json()).get("clientId").asText()).isEqualTo("a\"b\\c");
    }

    @ParameterizedTest
    @CsvSource({
        "NOT_AUTHORIZED, AUTH_ERROR",
        "SESSION_TAKEN_OVER, DUPLICATE_CLIENTID",
        "KEEP_ALIVE_TIMEOUT, MQTT_KEEP_ALIVE_TIMEOUT",
        "SERVER_SHUTTING_DOWN, SERVER_INITIATED_DISCONNECT",
        "ADMINISTRATIVE_ACTION, SERVER_INITIATED_DISCONNECT",
        "MALFORMED_PACKET, CLIENT_ERROR",
        "PROTOCOL_ERROR, CLIENT_ERROR",
        "PACKET_TOO_LARGE, CLIENT_ERROR",
        "TOPIC_NAME_INVALID, CLIENT_ERROR",
        "MESSAGE_RATE_TOO_HIGH, THROTTLED",
        "UNSPECIFIED_ERROR, SERVER_INITIATED_DISCONNECT",
    })
    void serverInitiatedDisconnect_isReportedWithIotCoresReason(DisconnectedReasonCode code, String reason) {
        assertThat(LifecycleEvent.serverDisconnectReason(code)).isEqualTo(reason);
    }

    @Test
    void serverInitiatedDisconnectWithoutAReasonCode_isServerInitiated() {
        assertThat(LifecycleEvent.serverDisconnectReason(null)).isEqualTo("SERVER_INITIATED_DISCONNECT");
    }

    @Test
    void connectFailedEvent_hasIotCoresFields_withoutSessionOrVersion() throws Exception {
        LifecycleEvent failed = LifecycleEvent.connectFailed("fridge-3b", 1_767_225_600_123L, "c0ffee", "127.0.0.1");

        JsonNode event = JSON.readTree(failed.json());

        assertThat(failed.topic()).isEqualTo("$aws/events/presence/connect_failed/fridge-3b");
        assertThat(fieldNames(event)).containsExactly("clientId", "timestamp", "eventType", "connectFailureReason",
                "principalIdentifier", "ipAddress");
        assertThat(event.get("eventType").asText()).isEqualTo("connect_failed");
        assertThat(event.get("connectFailureReason").asText()).isEqualTo("AUTHORIZATION_FAILED");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
