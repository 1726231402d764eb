package org.wardwatch.functions.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The presence handler against the emulator: IoT Core's lifecycle events as the presence rule passes them, recorded
 * per device whatever their order and however often they come; what is not a lifecycle event of this tenant's
 * devices is quarantined with its reason.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(PresenceHandlerTest.PresenceFunction.class)
class PresenceHandlerTest {

    public static class PresenceFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "presence");
        }
    }

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private final TestTenant tenant = TestTenant.get();

    /** A lifecycle event exactly as IoT Core publishes it (AWS IoT Core, "Lifecycle events"). */
    static String connected(String client, Instant at, String session, long version) {
        return "{\"clientId\":\"" + client + "\",\"timestamp\":" + at.toEpochMilli() + ",\"eventType\":\"connected\","
                + "\"sessionIdentifier\":\"" + session + "\",\"principalIdentifier\":\"12345678901234567890\","
                + "\"ipAddress\":\"192.0.2.0\",\"versionNumber\":" + version + "}";
    }

    static String disconnected(String client, Instant at, String session, long version, String reason) {
        return "{\"clientId\":\"" + client + "\",\"timestamp\":" + at.toEpochMilli()
                + ",\"eventType\":\"disconnected\",\"sessionIdentifier\":\"" + session + "\","
                + "\"principalIdentifier\":\"12345678901234567890\",\"clientInitiatedDisconnect\":"
                + "CLIENT_INITIATED_DISCONNECT".equals(reason) + ",\"disconnectReason\":\"" + reason + "\","
                + "\"versionNumber\":" + version + "}";
    }

    /** A refused CONNECT, as the local broker publishes it (AWS IoT Core, "Connect attempt failure event"). */
    static String connectFailed(String client, Instant at) {
        return "{\"clientId\":\"" + client + "\",\"timestamp\":" + at.toEpochMilli()
                + ",\"eventType\":\"connect_failed\",\"connectFailureReason\":\"AUTHORIZATION_FAILED\","
                + "\"principalIdentifier\":\"12345678901234567890\",\"ipAddress\":\"192.0.2.0\"}";
    }

    private static JsonPath send(String event) {
        return given().contentType(ContentType.JSON).body(event).when().post().then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, AttributeValue> presence(TestTenant tenant, String thing) {
        return tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("D#" + thing), "sk", AttributeValue.fromS("P#presence")))).item();
    }

    static List<Map<String, AttributeValue>> history(TestTenant tenant, String thing) {
        return tenant.dynamo.query(b -> b.tableName(TestTenant.READINGS).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("D#" + thing),
                        ":from", AttributeValue.fromS("P#0"), ":to", AttributeValue.fromS("P#9")))).items();
    }

    static List<Map<String, AttributeValue>> quarantined(TestTenant tenant, String pk, String reason) {
        return tenant.dynamo.query(b -> b.tableName(TestTenant.QUARANTINE).consistentRead(true)
                .keyConditionExpression("pk = :pk").filterExpression("reason = :reason")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                        ":reason", AttributeValue.fromS(reason)))).items();
    }

    @Test
    void connectThenDisconnect_recordsTheDeviceOnlineThenOfflineWithItsReason() {
        tenant.registerDevice("pr-oximeter", "pulse_oximeter", "ICU-1", "4");
        Instant down = T0.plusSeconds(110);

        JsonPath up = send(connected("pr-oximeter", T0, "a4666d2a7d844ae4ac5d7b38c9cb7967", 3));

        assertThat(up.getMap("$")).isEqualTo(Map.of("outcome", "RECORDED"));
        Map<String, AttributeValue> online = presence(tenant, "pr-oximeter");
        assertThat(online.get("connected").bool()).isTrue();
        assertThat(online.get("since").s()).isEqualTo("2026-11-25T08:00:00.000Z");
        assertThat(online.get("sessionIdentifier").s()).isEqualTo("a4666d2a7d844ae4ac5d7b38c9cb7967");
        assertThat(online.get("versionNumber").n()).isEqualTo("3");
        assertThat(online).doesNotContainKeys("lastDisconnectReason", "ipAddress", "principalIdentifier");

        JsonPath off = send(disconnected("pr-oximeter", down, "a4666d2a7d844ae4ac5d7b38c9cb7967", 3,
                "MQTT_KEEP_ALIVE_TIMEOUT"));

        assertThat(off.getMap("$")).isEqualTo(Map.of("outcome", "RECORDED"));
        Map<String, AttributeValue> offline = presence(tenant, "pr-oximeter");
        assertThat(offline.get("connected").bool()).isFalse();
        assertThat(offline.get("since").s()).isEqualTo("2026-11-25T08:01:50.000Z");
        assertThat(offline.get("lastDisconnectReason").s()).isEqualTo("MQTT_KEEP_ALIVE_TIMEOUT");
        assertThat(offline.get("lastDisconnectClientInitiated").bool()).isFalse();
        assertThat(offline.get("lastDisconnectAt").s()).isEqualTo("2026-11-25T08:01:50.000Z");
        assertThat(offline.get("tenantId").s()).isEqualTo(TestTenant.ID);
        assertThat(history(tenant, "pr-oximeter")).extracting(i -> i.get("sk").s()).containsExactly(
                "P#2026-11-25T08:00:00.000Z#a4666d2a7d844ae4ac5d7b38c9cb7967#connected",
                "P#2026-11-25T08:01:50.000Z#a4666d2a7d844ae4ac5d7b38c9cb7967#disconnected");
        // kept as long as readings (WARDWATCH_READING_RETENTION_DAYS, 400 by default)
        assertThat(history(tenant, "pr-oximeter").get(1).get("expiresAt").n())
                .isEqualTo(Long.toString(down.plus(Duration.ofDays(400)).getEpochSecond()));
    }

    @Test
    void theSameEventTwice_isADuplicate_countedOnItsHistoryItem_andChangesNothing() {
        tenant.registerDevice("pr-duplicate", "pulse_oximeter", "ICU-1", "5");
        send(connected("pr-duplicate", T0, "s1", 0));
        String down = disconnected("pr-duplicate", T0.plusSeconds(30), "s1", 0, "CLIENT_INITIATED_DISCONNECT");
        assertThat(send(down).getString("outcome")).isEqualTo("RECORDED");
        Map<String, AttributeValue> before = presence(tenant, "pr-duplicate");

        JsonPath again = send(down);

        assertThat(again.getMap("$")).isEqualTo(Map.of("outcome", "DUPLICATE"));
        assertThat(presence(tenant, "pr-duplicate")).isEqualTo(before);
        assertThat(before.get("lastDisconnectClientInitiated").bool()).isTrue();
        List<Map<String, AttributeValue>> history = history(tenant, "pr-duplicate");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("deliveries").n()).isEqualTo("2");
    }

    @Test
    void takeover_theOldSessionsLaterDisconnectArrivingAfterTheNewConnect_isStale_andTheDeviceStaysOnline() {
        tenant.registerDevice("pr-takeover", "pulse_oximeter", "ICU-1", "6");
        send(connected("pr-takeover", T0, "old", 5));
        Instant reconnect = T0.plusSeconds(600);

        assertThat(send(connected("pr-takeover", reconnect, "new", 6)).getString("outcome")).isEqualTo("RECORDED");
        JsonPath late = send(disconnected("pr-takeover", reconnect.plusMillis(3), "old", 5, "DUPLICATE_CLIENTID"));

        assertThat(late.getMap("$")).isEqualTo(Map.of("outcome", "STALE"));
        Map<String, AttributeValue> state = presence(tenant, "pr-takeover");
        assertThat(state.get("connected").bool()).isTrue();
        assertThat(state.get("sessionIdentifier").s()).isEqualTo("new");
        assertThat(state.get("versionNumber").n()).isEqualTo("6");
        assertThat(state.get("lastDisconnectReason").s()).isEqualTo("DUPLICATE_CLIENTID");
        assertThat(state.get("lastDisconnectSessionIdentifier").s()).isEqualTo("old");
        assertThat(history(tenant, "pr-takeover")).hasSize(3);
    }

    @Test
    void refusedConnects_ofADeviceConnectedElsewhere_areKeptInItsHistory_andLeaveItConnected() {
        tenant.registerDevice("pr-impersonated", "pulse_oximeter", "ICU-1", "9");
        send(connected("pr-impersonated", T0, "s1", 4));
        Map<String, AttributeValue> before = presence(tenant, "pr-impersonated");
        String firstRefusal = connectFailed("pr-impersonated", T0.plusSeconds(5));

        assertThat(send(firstRefusal).getMap("$")).isEqualTo(Map.of("outcome", "CONNECT_FAILED"));
        assertThat(send(connectFailed("pr-impersonated", T0.plusSeconds(6))).getMap("$"))
                .isEqualTo(Map.of("outcome", "CONNECT_FAILED"));
        assertThat(send(firstRefusal).getMap("$")).as("delivered again").isEqualTo(Map.of("outcome", "DUPLICATE"));

        assertThat(presence(tenant, "pr-impersonated")).isEqualTo(before);
        assertThat(before.get("connected").bool()).isTrue();
        List<Map<String, AttributeValue>> history = history(tenant, "pr-impersonated");
        assertThat(history).extracting(i -> i.get("sk").s()).containsExactly(
                "P#2026-11-25T08:00:00.000Z#s1#connected",
                "P#2026-11-25T08:00:05.000Z#connect_failed",
                "P#2026-11-25T08:00:06.000Z#connect_failed");
        assertThat(history.get(1).get("connectFailureReason").s()).isEqualTo("AUTHORIZATION_FAILED");
        assertThat(history.get(1).get("eventType").s()).isEqualTo("connect_failed");
        assertThat(history.get(1).get("deliveries").n()).isEqualTo("2");
        assertThat(history.get(1)).doesNotContainKeys("ipAddress", "principalIdentifier", "sessionIdentifier");

        // the session's own disconnect is still newer than its connect, whatever failed in between
        assertThat(send(disconnected("pr-impersonated", T0.plusSeconds(60), "s1", 4, "CONNECTION_LOST"))
                .getMap("$")).isEqualTo(Map.of("outcome", "RECORDED"));
        assertThat(presence(tenant, "pr-impersonated").get("connected").bool()).isFalse();
    }

    @Test
    void aRefusedConnect_ofAnUnknownOrAnotherTenantsClientId_isQuarantined() {
        tenant.registerDevice("pr-foreign-retry", "pulse_oximeter", "ICU-1", "10", "ACTIVE", "other-hospital");
        String stranger = connectFailed("pr-unknown-retry", T0);

        assertThat(send(stranger).getMap("$")).isEqualTo(Map.of("outcome", "QUARANTINED", "reason", "UNKNOWN_DEVICE"));
        assertThat(send(connectFailed("pr-foreign-retry", T0)).getMap("$"))
                .isEqualTo(Map.of("outcome", "QUARANTINED", "reason", "TENANT_MISMATCH"));
        assertThat(quarantined(tenant, "D#pr-unknown-retry", "UNKNOWN_DEVICE")).singleElement()
                .satisfies(i -> assertThat(i.get("payload").b().asUtf8String()).isEqualTo(stranger));
        assertThat(history(tenant, "pr-foreign-retry")).isEmpty();
    }

    @Test
    void anUnknownClientId_isQuarantinedUnderItsName_withTheEventAsItCame() {
        String event = connected("pr-stranger", T0, "s1", 0);

        JsonPath result = send(event);

        assertThat(result.getMap("$")).isEqualTo(Map.of("outcome", "QUARANTINED", "reason", "UNKNOWN_DEVICE"));
        List<Map<String, AttributeValue>> items = quarantined(tenant, "D#pr-stranger", "UNKNOWN_DEVICE");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("payload").b().asUtf8String()).isEqualTo(event);
        assertThat(items.get(0).get("receivedAt").s()).isEqualTo("2026-11-25T08:00:00.000Z");
        assertThat(items.get(0).get("tenantId").s()).isEqualTo(TestTenant.ID);
        assertThat(presence(tenant, "pr-stranger")).isEmpty();
        assertThat(history(tenant, "pr-stranger")).isEmpty();
    }

    @Test
    void anotherTenantsDevice_isQuarantinedAsTenantMismatch() {
        tenant.registerDevice("pr-foreign", "pulse_oximeter", "ICU-1", "7", "ACTIVE", "other-hospital");

        JsonPath result = send(connected("pr-foreign", T0, "s1", 0));

        assertThat(result.getMap("$")).isEqualTo(Map.of("outcome", "QUARANTINED", "reason", "TENANT_MISMATCH"));
        assertThat(quarantined(tenant, "D#pr-foreign", "TENANT_MISMATCH")).hasSize(1);
        assertThat(presence(tenant, "pr-foreign")).isEmpty();
    }

    @Test
    void malformedEvents_areQuarantinedWithTheirReason_neverDropped() {
        tenant.registerDevice("pr-malformed", "pulse_oximeter", "ICU-1", "8");
        String notJson = "{\"clientId\":\"pr-malformed\",\"timestamp\":";
        String subscribed = connected("pr-malformed", T0, "s1", 0).replace("\"connected\"", "\"subscribed\"");
        String noSession = connected("pr-malformed", T0.plusSeconds(1), "s1", 0)
                .replace("\"sessionIdentifier\":\"s1\",", "");

        assertThat(send(notJson).getMap("$")).isEqualTo(Map.of("outcome", "QUARANTINED", "reason", "MALFORMED_JSON"));
        assertThat(send(subscribed).getMap("$"))
                .isEqualTo(Map.of("outcome", "QUARANTINED", "reason", "UNSUPPORTED_EVENT_TYPE"));
        assertThat(send(noSession).getMap("$")).isEqualTo(Map.of("outcome", "QUARANTINED", "reason", "MISSING_FIELD"));

        // without a usable client id the event is kept under D#<none>, as telemetry keeps events without a thing
        assertThat(quarantined(tenant, "D#<none>", "MALFORMED_JSON"))
                .anySatisfy(i -> assertThat(i.get("payload").b().asUtf8String()).isEqualTo(notJson));
        assertThat(quarantined(tenant, "D#pr-malformed", "UNSUPPORTED_EVENT_TYPE")).singleElement()
                .satisfies(i -> assertThat(i.get("payload").b().asByteArray())
                        .isEqualTo(subscribed.getBytes(StandardCharsets.UTF_8)));
        assertThat(quarantined(tenant, "D#pr-malformed", "MISSING_FIELD")).singleElement()
                .satisfies(i -> assertThat(i.get("detail").s()).isEqualTo("sessionIdentifier"));
        assertThat(presence(tenant, "pr-malformed")).isEmpty();
    }
}
