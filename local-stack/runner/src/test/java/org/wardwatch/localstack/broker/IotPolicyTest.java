package org.wardwatch.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.devicecerts.DevicePolicy;
import org.wardwatch.model.device.TenantId;

/**
 * IoT Core policy evaluation as the local broker does it, mostly against the tenant device policy the project
 * really deploys (the device-certs resource, filled in by {@link DevicePolicy#document}).
 */
class IotPolicyTest {

    private static final String REGION = "eu-west-2";
    private static final String ACCOUNT = "123456789012";
    private static final String TENANT = "demo-hospital";
    private static final String THING = "fridge-3b";
    private static final String ARN = "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":";
    private static final String THING_NAME = "iot:Connection.Thing.ThingName";

    private static final List<IotPolicy> DEVICE_POLICY =
            List.of(IotPolicy.parse(DevicePolicy.document(REGION, ACCOUNT, TenantId.of(TENANT))));

    // --- the tenant device policy ---------------------------------------------------------------------------

    @Test
    void device_mayConnectWithItsOwnThingNameAsClientId() {
        assertThat(deviceMay(THING, "iot:Connect", ARN + "client/" + THING)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fridge-4a", "fridge-3", "fridge-3b-2", "xfridge-3b", "FRIDGE-3B", "", "*"})
    void device_mayNotConnectWithAnyOtherClientId(String clientId) {
        assertThat(deviceMay(THING, "iot:Connect", ARN + "client/" + clientId)).isFalse();
    }

    @Test
    void device_mayPublishToItsOwnTelemetryTopic() {
        assertThat(deviceMay(THING, "iot:Publish", topicArn(telemetry(TENANT, THING)))).isTrue();
    }

    @Test
    void device_mayNotPublishToAnotherDevicesTelemetryTopic() {
        assertThat(deviceMay(THING, "iot:Publish", topicArn(telemetry(TENANT, "fridge-4a")))).isFalse();
        assertThat(deviceMay(THING, "iot:Publish", topicArn(telemetry(TENANT, "fridge-3")))).isFalse();
    }

    @Test
    void device_mayNotPublishToAnotherTenantsTopic_evenUnderItsOwnThingName() {
        assertThat(deviceMay(THING, "iot:Publish", topicArn(telemetry("other-hospital", THING)))).isFalse();
        assertThat(deviceMay(THING, "iot:Publish", topicArn(telemetry("demo-hospital-2", THING)))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "tenants/demo-hospital/devices/fridge-3b/telemetry/x",
        "tenants/demo-hospital/devices/fridge-3b/telemetry/",
        "tenants/demo-hospital/devices/fridge-3b/telemetry/#",
        "tenants/demo-hospital/devices/fridge-3b/telemetryx",
        "tenants/demo-hospital/devices/fridge-3b/status",
        "tenants/demo-hospital/devices/fridge-3b",
        "tenants/demo-hospital/devices/fridge-3b/",
        "/tenants/demo-hospital/devices/fridge-3b/telemetry",
        "tenants/demo-hospital/devices/fridge-3b/x/telemetry",
        "$aws/things/fridge-3b/shadow/update",
    })
    void device_mayNotPublishToASubTopicATrailingLevelOrAnySiblingTopic(String topic) {
        assertThat(deviceMay(THING, "iot:Publish", topicArn(topic))).isFalse();
    }

    @Test
    void device_mayNotPublishInAnotherAccountOrRegion() {
        String topic = telemetry(TENANT, THING);
        assertThat(deviceMay(THING, "iot:Publish", "arn:aws:iot:" + REGION + ":210987654321:topic/" + topic)).isFalse();
        assertThat(deviceMay(THING, "iot:Publish", "arn:aws:iot:us-east-1:" + ACCOUNT + ":topic/" + topic)).isFalse();
    }

    @Test
    void device_mayNeitherSubscribeNorReceive_evenOnItsOwnTopic() {
        String own = telemetry(TENANT, THING);
        assertThat(deviceMay(THING, "iot:Subscribe", ARN + "topicfilter/" + own)).isFalse();
        assertThat(deviceMay(THING, "iot:Subscribe", ARN + "topicfilter/tenants/demo-hospital/devices/+/telemetry"))
                .isFalse();
        assertThat(deviceMay(THING, "iot:Subscribe", ARN + "topicfilter/#")).isFalse();
        assertThat(deviceMay(THING, "iot:Receive", topicArn(own))).isFalse();
        assertThat(deviceMay(THING, "iot:RetainPublish", topicArn(own))).isFalse();
    }

    static Stream<Arguments> thingNamesWithSpecialCharacters() {
        return Stream.of(
                // thing name, a topic it must not reach (another device's, another tenant's or a wider one)
                Arguments.of("*", telemetry(TENANT, THING)),
                Arguments.of("fridge-*", telemetry(TENANT, THING)),
                Arguments.of("?", telemetry(TENANT, "x")),
                Arguments.of("fridge-3?", telemetry(TENANT, THING)),
                Arguments.of("+", telemetry(TENANT, THING)),
                Arguments.of("+", "tenants/demo-hospital/devices//telemetry"),
                Arguments.of("#", telemetry(TENANT, THING)),
                Arguments.of(".*", telemetry(TENANT, THING)),
                Arguments.of("\\E.*\\Q", telemetry(TENANT, THING)),
                Arguments.of("fridge-3b/telemetry", telemetry(TENANT, THING)),
                Arguments.of("x/telemetry/../fridge-3b", telemetry(TENANT, THING)),
                Arguments.of("../../other-hospital/devices/fridge-3b", telemetry("other-hospital", THING)),
                Arguments.of("..", "tenants/demo-hospital/telemetry"),
                Arguments.of("${iot:ClientId}", telemetry(TENANT, THING)));
    }

    @ParameterizedTest
    @MethodSource("thingNamesWithSpecialCharacters")
    void thingNameWithSpecialCharacters_isSubstitutedLiterally_andCannotWidenWhatTheDeviceMayPublish(
            String thingName, String otherTopic) {
        Map<String, String> variables = Map.of(THING_NAME, thingName, "iot:ClientId", THING);

        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Publish", topicArn(otherTopic), variables)).isFalse();
        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Connect", ARN + "client/" + THING, variables)).isFalse();
        // Only the literal name itself is allowed.
        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Publish", topicArn(telemetry(TENANT, thingName)), variables))
                .isTrue();
        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Connect", ARN + "client/" + thingName, variables)).isTrue();
    }

    @Test
    void unresolvedThingNameVariable_matchesNothing() {
        Map<String, String> noThing = Map.of("iot:ClientId", THING);

        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Connect", ARN + "client/" + THING, noThing)).isFalse();
        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Connect", ARN + "client/", noThing)).isFalse();
        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Connect",
                ARN + "client/${iot:Connection.Thing.ThingName}", noThing)).isFalse();
        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Publish", topicArn(telemetry(TENANT, THING)), noThing))
                .isFalse();
        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Publish",
                topicArn("tenants/demo-hospital/devices//telemetry"), noThing)).isFalse();
        assertThat(IotPolicy.allows(DEVICE_POLICY, "iot:Publish",
                topicArn("tenants/demo-hospital/devices/${iot:Connection.Thing.ThingName}/telemetry"), noThing))
                .isFalse();
    }

    @Test
    void unresolvedVariable_disablesOnlyTheResourceThatUsesIt() {
        IotPolicy policy = IotPolicy.parse("""
                {"Statement": {"Effect": "Allow", "Action": "iot:Connect",
                  "Resource": ["%sclient/${iot:Connection.Thing.ThingName}", "%sclient/lobby-display"]}}
                """.formatted(ARN, ARN));

        assertThat(IotPolicy.allows(List.of(policy), "iot:Connect", ARN + "client/lobby-display", Map.of())).isTrue();
        assertThat(IotPolicy.allows(List.of(policy), "iot:Connect", ARN + "client/" + THING, Map.of())).isFalse();
    }

    // --- general evaluation ---------------------------------------------------------------------------------

    @Test
    void denyInOnePolicy_overridesAllowInAnother_whicheverComesFirst() {
        IotPolicy deny = IotPolicy.parse(statement("Deny", "\"iot:Publish\"", "\"" + ARN + "topic/tenants/*/devices/" + THING + "/*\""));
        String own = topicArn(telemetry(TENANT, THING));

        assertThat(IotPolicy.allows(List.of(DEVICE_POLICY.get(0), deny), "iot:Publish", own, thing(THING))).isFalse();
        assertThat(IotPolicy.allows(List.of(deny, DEVICE_POLICY.get(0)), "iot:Publish", own, thing(THING))).isFalse();
        // The Deny names only fridge-3b: another device under the same allow is unaffected.
        assertThat(IotPolicy.allows(List.of(DEVICE_POLICY.get(0), deny), "iot:Publish",
                topicArn(telemetry(TENANT, "fridge-4a")), thing("fridge-4a"))).isTrue();
        // And the Deny is for Publish only.
        assertThat(IotPolicy.allows(List.of(deny, DEVICE_POLICY.get(0)), "iot:Connect", ARN + "client/" + THING,
                thing(THING))).isTrue();
    }

    @Test
    void denyStatement_overridesAllowStatementInTheSamePolicy() {
        IotPolicy policy = IotPolicy.parse("""
                {"Statement": [
                  {"Effect": "Allow", "Action": "iot:*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "iot:Subscribe", "Resource": "*"}]}
                """);

        assertThat(IotPolicy.allows(List.of(policy), "iot:Subscribe", ARN + "topicfilter/#", Map.of())).isFalse();
        assertThat(IotPolicy.allows(List.of(policy), "iot:Publish", topicArn("a/b"), Map.of())).isTrue();
    }

    @Test
    void noPolicies_orNoMatchingAllow_meansDenied() {
        IotPolicy onlyDeny = IotPolicy.parse(statement("Deny", "\"iot:Connect\"", "\"*\""));

        assertThat(IotPolicy.allows(List.of(), "iot:Connect", ARN + "client/" + THING, thing(THING))).isFalse();
        assertThat(IotPolicy.allows(List.of(onlyDeny), "iot:Publish", topicArn("a"), thing(THING))).isFalse();
        assertThat(IotPolicy.allows(List.of(IotPolicy.parse("{\"Statement\": []}")), "iot:Publish", topicArn("a"),
                Map.of())).isFalse();
    }

    @Test
    void actionWildcard_iotStar_coversEveryIotActionButNoOtherService() {
        List<IotPolicy> policy = List.of(IotPolicy.parse(statement("Allow", "\"iot:*\"", "\"*\"")));

        for (String action : List.of("iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive",
                "iot:UpdateThingShadow")) {
            assertThat(IotPolicy.allows(policy, action, topicArn("a/b"), Map.of())).as(action).isTrue();
        }
        assertThat(IotPolicy.allows(policy, "greengrass:Discover", topicArn("a/b"), Map.of())).isFalse();
        assertThat(IotPolicy.allows(policy, "iotwireless:Publish", topicArn("a/b"), Map.of())).isFalse();
    }

    @Test
    void actionWildcard_iotStar_inADeny_beatsASpecificAllow() {
        List<IotPolicy> policies = List.of(DEVICE_POLICY.get(0),
                IotPolicy.parse(statement("Deny", "\"iot:*\"", "\"" + ARN + "*\"")));

        assertThat(IotPolicy.allows(policies, "iot:Publish", topicArn(telemetry(TENANT, THING)), thing(THING)))
                .isFalse();
        assertThat(IotPolicy.allows(policies, "iot:Connect", ARN + "client/" + THING, thing(THING))).isFalse();
    }

    @Test
    void actionAndResourceAsLists_allowEachListedValueAndNothingElse() {
        List<IotPolicy> policy = List.of(IotPolicy.parse(statement("Allow",
                "[\"iot:Publish\", \"iot:Receive\"]",
                "[\"" + ARN + "topic/wards/a/alarms\", \"" + ARN + "topic/wards/b/alarms\"]")));

        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("wards/a/alarms"), Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Receive", topicArn("wards/b/alarms"), Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("wards/c/alarms"), Map.of())).isFalse();
        assertThat(IotPolicy.allows(policy, "iot:Subscribe", topicArn("wards/a/alarms"), Map.of())).isFalse();
    }

    @Test
    void starInAResource_matchesAnyCharactersIncludingTopicLevelSeparators() {
        List<IotPolicy> policy = List.of(IotPolicy.parse(statement("Allow", "\"iot:Publish\"",
                "\"" + ARN + "topic/wards/*/alarms\"")));

        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("wards/a/alarms"), Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("wards/a/b/c/alarms"), Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("wards//alarms"), Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("wards/a/alarms/x"), Map.of())).isFalse();
        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("ward/a/alarms"), Map.of())).isFalse();
    }

    @Test
    void wildcardsInAnAllow_matchLineBreaksLikeAnyOtherCharacter() {
        List<IotPolicy> policy = List.of(IotPolicy.parse(statement("Allow", "\"iot:Publish\"",
                "[\"" + ARN + "topic/lobby/*\", \"" + ARN + "topic/ward/?\"]")));

        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("lobby/a\nb"), Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("lobby/a\r\nb\u2028"), Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Publish", topicArn("ward/\n"), Map.of())).isTrue();
    }

    @Test
    void wildcardsInADeny_overrideAnAllow_forTopicsContainingLineBreaks() {
        List<IotPolicy> policies = List.of(
                IotPolicy.parse(statement("Allow", "\"iot:Publish\"",
                        "[\"" + ARN + "topic/wards/a\\nb\", \"" + ARN + "topic/wards/c\\r\\nd\"]")),
                IotPolicy.parse(statement("Deny", "\"iot:Publish\"",
                        "[\"" + ARN + "topic/wards/a*\", \"" + ARN + "topic/wards/c?\\nd\"]")));

        assertThat(IotPolicy.allows(policies, "iot:Publish", topicArn("wards/a\nb"), Map.of())).isFalse();
        assertThat(IotPolicy.allows(policies, "iot:Publish", topicArn("wards/c\r\nd"), Map.of())).isFalse();
    }

    @Test
    void questionMarkInAResource_matchesExactlyOneCharacter() {
        List<IotPolicy> policy = List.of(IotPolicy.parse(statement("Allow", "\"iot:Connect\"",
                "\"" + ARN + "client/fridge-?b\"")));

        assertThat(IotPolicy.allows(policy, "iot:Connect", ARN + "client/fridge-3b", Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Connect", ARN + "client/fridge-/b", Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Connect", ARN + "client/fridge-b", Map.of())).isFalse();
        assertThat(IotPolicy.allows(policy, "iot:Connect", ARN + "client/fridge-33b", Map.of())).isFalse();
    }

    @Test
    void mqttWildcardsAndRegexCharactersInAResource_areLiteral() {
        List<IotPolicy> policy = List.of(IotPolicy.parse(statement("Allow", "\"iot:Subscribe\"",
                "[\"" + ARN + "topicfilter/wards/+/alarms\", \"" + ARN + "topicfilter/lobby/#\", \""
                        + ARN + "topicfilter/a.b\", \"" + ARN + "topicfilter/lab.1/*\"]")));

        assertThat(IotPolicy.allows(policy, "iot:Subscribe", ARN + "topicfilter/wards/+/alarms", Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Subscribe", ARN + "topicfilter/wards/a/alarms", Map.of())).isFalse();
        assertThat(IotPolicy.allows(policy, "iot:Subscribe", ARN + "topicfilter/lobby/#", Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Subscribe", ARN + "topicfilter/lobby/a", Map.of())).isFalse();
        assertThat(IotPolicy.allows(policy, "iot:Subscribe", ARN + "topicfilter/a.b", Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Subscribe", ARN + "topicfilter/a-b", Map.of())).isFalse();
        assertThat(IotPolicy.allows(policy, "iot:Subscribe", ARN + "topicfilter/lab.1/x", Map.of())).isTrue();
        assertThat(IotPolicy.allows(policy, "iot:Subscribe", ARN + "topicfilter/labX1/x", Map.of())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "{\"Statement\": [",
        "",
        "null",
        "[]",
        "{}",
        "{\"Version\": \"2012-10-17\"}",
        "{\"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"iot:*\", \"Resource\": \"*\"}]}",
        "{\"Statement\": [{\"Effect\": \"allow\", \"Action\": \"iot:*\", \"Resource\": \"*\"}]}",
        "{\"Statement\": [{\"Action\": \"iot:*\", \"Resource\": \"*\"}]}",
        "{\"Statement\": \"Allow\"}",
    })
    void malformedDocument_isRefused(String document) {
        assertThatThrownBy(() -> IotPolicy.parse(document)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneBadStatement_refusesTheWholeDocument() {
        String document = """
                {"Statement": [
                  {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"},
                  {"Effect": "Denied", "Action": "iot:Publish", "Resource": "*"}]}
                """;

        assertThatThrownBy(() -> IotPolicy.parse(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Effect");
    }

    private static boolean deviceMay(String thingName, String action, String resource) {
        return IotPolicy.allows(DEVICE_POLICY, action, resource, thing(thingName));
    }

    /** The variables IotCoreAuthorization binds for a device connected as its own thing. */
    private static Map<String, String> thing(String thingName) {
        return Map.of(THING_NAME, thingName, "iot:ClientId", thingName);
    }

    private static String telemetry(String tenant, String thing) {
        return "tenants/" + tenant + "/devices/" + thing + "/telemetry";
    }

    private static String topicArn(String topic) {
        return ARN + "topic/" + topic;
    }

    private static String statement(String effect, String actionJson, String resourceJson) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"" + effect + "\", \"Action\": "
                + actionJson + ", \"Resource\": " + resourceJson + "}]}";
    }

    @Test
    void actionNames_matchWhateverTheirCase_soALowerCaseDenyStillApplies() {
        String topic = "arn:aws:iot:eu-west-2:123456789012:topic/wards/a";
        IotPolicy allow = IotPolicy.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"IOT:PUBLISH\","
                + "\"Resource\":\"" + topic + "\"}]}");
        IotPolicy deny = IotPolicy.parse("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iot:publish\","
                + "\"Resource\":\"" + topic + "\"}]}");

        assertThat(IotPolicy.allows(List.of(allow), "iot:Publish", topic, Map.of())).isTrue();
        assertThat(IotPolicy.allows(List.of(allow, deny), "iot:Publish", topic, Map.of())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Effect\": \"Allow\", \"Action\": \"iot:Publish\", \"Resource\": \"*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}}",
        "{\"Effect\": \"Allow\", \"NotAction\": \"iot:Connect\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Deny\", \"Action\": \"iot:Publish\", \"NotResource\": \"*\"}",
    })
    void statementWithConditionNotActionOrNotResource_refusesTheDocument_namingTheElement(String statement) {
        assertThatThrownBy(() -> IotPolicy.parse("{\"Statement\": [" + statement + "]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("a statement uses (Condition|NotAction|NotResource), which the local broker does"
                        + " not evaluate.*");
    }
}
