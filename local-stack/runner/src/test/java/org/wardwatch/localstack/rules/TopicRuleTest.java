package org.wardwatch.localstack.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IoT SQL subset of the tenant's topic rules: parsing, topic filter matching and the event it builds. */
class TopicRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rule as infra's Ingest deploys it for the demo tenant. */
    private static final String TENANT_RULE = "SELECT encode(*, 'base64') AS payload, topic(2) AS tenantId, "
            + "topic(4) AS thingName, clientid() AS clientId, timestamp() AS receivedAt "
            + "FROM 'tenants/demo-hospital/devices/+/telemetry'";
    private static final String TOPIC = "tenants/demo-hospital/devices/fridge-3b/telemetry";
    private static final long RECEIVED_AT = 1_767_225_600_123L;

    private final TopicRule rule = TopicRule.parse(TENANT_RULE);

    // --- parsing --------------------------------------------------------------------------------------------

    @Test
    void tenantRule_isParsedWithItsTopicFilterAndSql() {
        assertThat(rule.topicFilter()).isEqualTo("tenants/demo-hospital/devices/+/telemetry");
        assertThat(rule.sql()).isEqualTo(TENANT_RULE);
    }

    @Test
    void tenantRule_withOtherKeywordCaseAndExtraWhitespace_buildsTheSameEvent() throws Exception {
        TopicRule reformatted = TopicRule.parse("""

                  select   ENCODE( * ,  'BASE64' )   as payload ,
                \ttopic( 2 )   As tenantId,
                    TOPIC(4) aS thingName,
                    ClientId()   AS clientId,
                    TIMESTAMP( ) as receivedAt
                  from
                    'tenants/demo-hospital/devices/+/telemetry'

                """);
        byte[] payload = "{\"celsius\": 4.2}".getBytes(StandardCharsets.UTF_8);

        assertThat(reformatted.topicFilter()).isEqualTo("tenants/demo-hospital/devices/+/telemetry");
        assertThat(JSON.readTree(reformatted.event(TOPIC, "fridge-3b", payload, RECEIVED_AT)))
                .isEqualTo(JSON.readTree(rule.event(TOPIC, "fridge-3b", payload, RECEIVED_AT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // WHERE clause
        "SELECT topic(4) AS thingName FROM 'tenants/+/devices/+/telemetry' WHERE topic(2) = 'demo-hospital'",
        "SELECT topic(4) AS thingName FROM 'tenants/+/devices/+/telemetry' where true",
        // missing AS
        "SELECT encode(*, 'base64') payload, topic(2) AS tenantId FROM 'tenants/+/devices/+/telemetry'",
        "SELECT topic(2) AS tenantId, topic(4) FROM 'tenants/+/devices/+/telemetry'",
        "SELECT * AS everything FROM 'tenants/+/devices/+/telemetry'",
        "SELECT *, * FROM 'tenants/+/devices/+/telemetry'",
        "SELECT *.clientId AS clientId FROM '$aws/events/presence/+/+'",
        // unknown function or expression
        "SELECT upper(x) AS thingName FROM 'tenants/+/devices/+/telemetry'",
        "SELECT encode(*, 'hex') AS payload FROM 'tenants/+/devices/+/telemetry'",
        "SELECT topic() AS topic FROM 'tenants/+/devices/+/telemetry'",
        "SELECT celsius AS celsius FROM 'tenants/+/devices/+/telemetry'",
        "SELECT 'demo' AS tenantId FROM 'tenants/+/devices/+/telemetry'",
        "SELECT topic(2) AS tenantId AS tenant FROM 'tenants/+/devices/+/telemetry'",
        "SELECT topic(2) AS 2tenant FROM 'tenants/+/devices/+/telemetry'",
        // no FROM, or no quoted filter
        "SELECT topic(2) AS tenantId",
        "SELECT topic(2) AS tenantId FROM tenants/+/devices/+/telemetry",
        "SELECT topic(2) AS tenantId FROM ''",
        // anything after the filter, or not a SELECT at all
        "SELECT topic(2) AS tenantId FROM 'tenants/+/devices/+/telemetry';",
        "DELETE FROM 'tenants/+/devices/+/telemetry'",
        "",
    })
    void unsupportedSql_isRefusedWhenTheRuleIsRead(String sql) {
        assertThatThrownBy(() -> TopicRule.parse(sql)).isInstanceOf(UnsupportedRuleException.class);
    }

    // --- topic filter ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "tenants/demo-hospital/devices/fridge-3b/telemetry",
        "tenants/demo-hospital/devices/a b/telemetry",
        // '+' matches an empty level too, as in MQTT
        "tenants/demo-hospital/devices//telemetry",
    })
    void tenantFilter_matchesExactlyOneLevelForThePlus(String topic) {
        assertThat(rule.matches(topic)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "tenants/demo-hospital/devices/fridge-3b/x/telemetry",
        "tenants/demo-hospital/devices/telemetry",
        "tenants/demo-hospital/devices/fridge-3b/telemetry/",
        "tenants/demo-hospital/devices/fridge-3b/telemetry/x",
        "/tenants/demo-hospital/devices/fridge-3b/telemetry",
        "tenants/other-hospital/devices/fridge-3b/telemetry",
        "tenants/demo-hospital/devices/fridge-3b/status",
        "tenants/demo-hospital/device/fridge-3b/telemetry",
        "Tenants/demo-hospital/devices/fridge-3b/telemetry",
        "tenants//devices/fridge-3b/telemetry",
        "tenants/demo-hospital",
        "",
    })
    void tenantFilter_doesNotMatchOtherLevelsOrMoreOrFewerLevels(String topic) {
        assertThat(rule.matches(topic)).isFalse();
    }

    @Test
    void hashFilter_matchesTheParentAndAnyDepthBelow() {
        TopicRule hash = TopicRule.parse("SELECT topic(1) AS root FROM 'tenants/demo-hospital/#'");

        assertThat(hash.matches("tenants/demo-hospital")).isTrue();
        assertThat(hash.matches("tenants/demo-hospital/")).isTrue();
        assertThat(hash.matches("tenants/demo-hospital/devices")).isTrue();
        assertThat(hash.matches(TOPIC)).isTrue();
        assertThat(hash.matches("tenants/other-hospital/devices")).isFalse();
        assertThat(hash.matches("tenants")).isFalse();
        assertThat(hash.matches("tenants/demo-hospital-2/devices")).isFalse();
    }

    @Test
    void filterWithoutWildcards_matchesOnlyThatTopic() {
        TopicRule exact = TopicRule.parse("SELECT topic(1) AS root FROM 'tenants/demo-hospital'");

        assertThat(exact.matches("tenants/demo-hospital")).isTrue();
        assertThat(exact.matches("tenants/demo-hospital/")).isFalse();
        assertThat(exact.matches("tenants/demo-hospital/x")).isFalse();
        assertThat(exact.matches("tenants")).isFalse();
    }

    @Test
    void filterWithEmptyLevels_matchesOnlyTopicsWithThoseEmptyLevels() {
        TopicRule empty = TopicRule.parse("SELECT topic(1) AS root FROM 'a//+'");

        assertThat(empty.matches("a//b")).isTrue();
        assertThat(empty.matches("a//")).isTrue();
        assertThat(empty.matches("a/b")).isFalse();
        assertThat(empty.matches("a/x/b")).isFalse();
    }

    // --- the event ------------------------------------------------------------------------------------------

    @Test
    void event_hasExactlyTheRulesFields_withTopicLevelsClientIdAndReceivedAtAsANumber() throws Exception {
        byte[] payload = "{\"celsius\": 4.2}".getBytes(StandardCharsets.UTF_8);

        JsonNode event = JSON.readTree(rule.event(TOPIC, "fridge-3b-client", payload, RECEIVED_AT));

        assertThat(event.size()).isEqualTo(5);
        assertThat(event.get("payload").asText()).isEqualTo(Base64.getEncoder().encodeToString(payload));
        assertThat(event.get("tenantId").asText()).isEqualTo("demo-hospital");
        assertThat(event.get("thingName").asText()).isEqualTo("fridge-3b");
        assertThat(event.get("clientId").asText()).isEqualTo("fridge-3b-client");
        assertThat(event.get("receivedAt").isIntegralNumber()).isTrue();
        assertThat(event.get("receivedAt").asLong()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void event_payloadIsTheBase64OfTheExactBytes_evenWhenTheyAreNotJsonOrNotUtf8() throws Exception {
        List<byte[]> payloads = List.of(
                new byte[0],
                "not json at all".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28, (byte) 0x80},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                "{\"celsius\": 4.2, \"note\": \"caf\u00e9 \u2603\"}".getBytes(StandardCharsets.UTF_8));

        for (byte[] payload : payloads) {
            JsonNode event = JSON.readTree(rule.event(TOPIC, "fridge-3b", payload, RECEIVED_AT));
            assertThat(Base64.getDecoder().decode(event.get("payload").asText())).isEqualTo(payload);
        }
    }

    @Test
    void event_fieldsNamedInThePayload_doNotOverrideTheRulesFields() throws Exception {
        byte[] payload = """
                {"tenantId": "other-hospital", "thingName": "fridge-4a", "clientId": "intruder",
                 "receivedAt": 1, "payload": "AAAA", "celsius": 4.2}
                """.getBytes(StandardCharsets.UTF_8);

        JsonNode event = JSON.readTree(rule.event(TOPIC, "fridge-3b", payload, RECEIVED_AT));

        assertThat(event.get("tenantId").asText()).isEqualTo("demo-hospital");
        assertThat(event.get("thingName").asText()).isEqualTo("fridge-3b");
        assertThat(event.get("clientId").asText()).isEqualTo("fridge-3b");
        assertThat(event.get("receivedAt").asLong()).isEqualTo(RECEIVED_AT);
        assertThat(Base64.getDecoder().decode(event.get("payload").asText())).isEqualTo(payload);
        assertThat(event.has("celsius")).isFalse();
    }

    @Test
    void event_keepsTopicLevelsAndClientIdVerbatim_asJsonStrings() throws Exception {
        String topic = "tenants/demo-hospital/devices/fridge \"3b\"\\\u00e9/telemetry";

        JsonNode event = JSON.readTree(rule.event(topic, "client \"x\"", new byte[] {1}, RECEIVED_AT));

        assertThat(event.get("thingName").asText()).isEqualTo("fridge \"3b\"\\\u00e9");
        assertThat(event.get("clientId").asText()).isEqualTo("client \"x\"");
    }

    @Test
    void event_leavesOutATopicLevelTheTopicDoesNotHave() throws Exception {
        TopicRule deep = TopicRule.parse("SELECT topic(1) AS root, topic(3) AS third FROM 'a/#'");

        JsonNode event = JSON.readTree(deep.event("a/b", "c", new byte[0], RECEIVED_AT));

        assertThat(event.get("root").asText()).isEqualTo("a");
        assertThat(event.has("third")).isFalse();
    }

    // --- SELECT * (the presence rule) -----------------------------------------------------------------------

    /** The presence rule as the tenant stack deploys it. */
    private static final String PRESENCE_RULE = "SELECT * FROM '$aws/events/presence/+/+'";
    private static final String CONNECTED = "$aws/events/presence/connected/fridge-3b";
    private static final byte[] CONNECTED_EVENT = ("{\"clientId\":\"fridge-3b\",\"timestamp\":1767225600123,"
            + "\"eventType\":\"connected\",\"sessionIdentifier\":\"00112233445566778899aabbccddeeff\","
            + "\"principalIdentifier\":\"ab12\",\"ipAddress\":\"127.0.0.1\",\"versionNumber\":3}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void selectStar_eventIsThePayloadsOwnJson() throws Exception {
        TopicRule presence = TopicRule.parse(PRESENCE_RULE);

        JsonNode event = JSON.readTree(presence.event(CONNECTED, "fridge-3b", CONNECTED_EVENT, RECEIVED_AT));

        assertThat(event).isEqualTo(JSON.readTree(CONNECTED_EVENT));
    }

    @Test
    void selectStar_passesAnyJsonValueThrough() throws Exception {
        TopicRule all = TopicRule.parse("SELECT * FROM 'a/+'");

        assertThat(JSON.readTree(all.event("a/b", "c", "[1, 2]".getBytes(StandardCharsets.UTF_8), RECEIVED_AT)))
                .isEqualTo(JSON.readTree("[1,2]"));
        assertThat(all.event("a/b", "c", "42".getBytes(StandardCharsets.UTF_8), RECEIVED_AT)).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "{\"a\": 1", "{\"a\": 1} trailing", "{\"a\": 1}{\"b\": 2}", "'x'"})
    void selectStar_ofAPayloadThatIsNotJson_cannotBuildTheEvent(String payload) {
        TopicRule presence = TopicRule.parse(PRESENCE_RULE);

        assertThatThrownBy(() -> presence.event(CONNECTED, "c", payload.getBytes(StandardCharsets.UTF_8), RECEIVED_AT))
                .isInstanceOf(NonJsonPayloadException.class);
    }

    @Test
    void selectStar_ofBytesThatAreNotUtf8_cannotBuildTheEvent() {
        TopicRule presence = TopicRule.parse(PRESENCE_RULE);
        byte[] latin1 = "{\"note\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> presence.event(CONNECTED, "c", latin1, RECEIVED_AT))
                .isInstanceOf(NonJsonPayloadException.class);
    }

    @Test
    void selectStarWithOtherValues_addsThemToThePayload_andTheyWinOverSameNamedFields() throws Exception {
        TopicRule both = TopicRule.parse("SELECT *, topic(4) AS eventType, timestamp() AS receivedAt "
                + "FROM '$aws/events/presence/+/+'");
        TopicRule starLast = TopicRule.parse("SELECT topic(4) AS eventType, * FROM '$aws/events/presence/+/+'");

        JsonNode event = JSON.readTree(both.event(CONNECTED, "c", CONNECTED_EVENT, RECEIVED_AT));

        assertThat(event.get("clientId").asText()).isEqualTo("fridge-3b");
        assertThat(event.get("versionNumber").asLong()).isEqualTo(3);
        assertThat(event.get("eventType").asText()).isEqualTo("connected");
        assertThat(event.get("receivedAt").asLong()).isEqualTo(RECEIVED_AT);
        JsonNode spoofed = JSON.readTree(starLast.event("$aws/events/presence/connected/x", "c",
                "{\"eventType\": \"disconnected\", \"clientId\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                RECEIVED_AT));
        assertThat(spoofed.get("eventType").asText()).isEqualTo("connected");
        assertThat(spoofed.get("clientId").asText()).isEqualTo("x");
    }

    @Test
    void selectStarWithOtherValues_needsAJsonObject() {
        TopicRule both = TopicRule.parse("SELECT *, topic(1) AS root FROM 'a/+'");

        assertThatThrownBy(() -> both.event("a/b", "c", "[1]".getBytes(StandardCharsets.UTF_8), RECEIVED_AT))
                .isInstanceOf(NonJsonPayloadException.class);
    }

    // --- $ topics -------------------------------------------------------------------------------------------

    @Test
    void presenceFilter_matchesConnectedAndDisconnectedEventsOfAnyClient_andNothingElse() {
        TopicRule presence = TopicRule.parse(PRESENCE_RULE);

        assertThat(presence.matches("$aws/events/presence/connected/fridge-3b")).isTrue();
        assertThat(presence.matches("$aws/events/presence/disconnected/icu3-bed4-spo2")).isTrue();
        assertThat(presence.matches("$aws/events/presence/connected")).isFalse();
        assertThat(presence.matches("$aws/events/presence/connected/a/b")).isFalse();
        assertThat(presence.matches("$aws/events/subscriptions/subscribed/fridge-3b")).isFalse();
        assertThat(presence.matches("aws/events/presence/connected/fridge-3b")).isFalse();
        assertThat(presence.matches(TOPIC)).isFalse();
    }

    @Test
    void filterStartingWithAWildcard_doesNotMatchDollarTopics_asInMqtt() {
        TopicRule hash = TopicRule.parse("SELECT * FROM '#'");
        TopicRule plus = TopicRule.parse("SELECT * FROM '+/events/presence/+/+'");

        assertThat(hash.matches("$aws/events/presence/connected/fridge-3b")).isFalse();
        assertThat(plus.matches("$aws/events/presence/connected/fridge-3b")).isFalse();
        assertThat(hash.matches(TOPIC)).isTrue();
        assertThat(plus.matches("x/events/presence/connected/fridge-3b")).isTrue();
        assertThat(rule.matches("$tenants/demo-hospital/devices/fridge-3b/telemetry")).isFalse();
    }
}
