package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.devicecerts.DeviceIdentity;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.devicecerts.Validity;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pipeline end to end, against the real broker over real mutual TLS, the emulator and the packaged function:
 * what a device publishes is stored and alerts reach staff; what IoT Core would refuse is refused and stores
 * nothing; what the function fails on ends in the dead-letter queue with its payload; connects and disconnects
 * become IoT Core's lifecycle events, for the rules engine and for subscribers allowed to see them. Each test
 * declares its own devices and leaves the stack as it found it, so each passes alone and in any order.
 */
class LocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;

    /** A lifecycle event as the rules engine received it. */
    private record Observed(String topic, JsonNode event) {
    }

    private static final List<Observed> lifecycle = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheStack() {
        Path root = ProjectRoot.find();
        stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/runner/target/local-stack-test"), 2,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err, true, null));
        stack.observe((clientId, topic, payload, receivedAt) -> {
            if (topic.startsWith("$aws/events/presence/")) {
                try {
                    lifecycle.add(new Observed(topic, JSON.readTree(payload)));
                } catch (java.io.IOException e) {
                    lifecycle.add(new Observed(topic, JSON.getNodeFactory().textNode("not JSON")));
                }
            }
        });
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static DeviceSpec oximeter(String thing, String bed) {
        return new DeviceSpec(TenantId.of(stack.tenant().tenantId()), ThingName.of(thing), DeviceKind.PULSE_OXIMETER,
                "ICU-3", bed, null);
    }

    private static byte[] payload(String messageId, double spo2) {
        return ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"" + messageId + "\",\"deviceTime\":\""
                + Instant.now() + "\",\"readings\":[{\"metric\":\"spo2\",\"value\":" + spo2 + ",\"unit\":\"%\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<Map<String, AttributeValue>> readingsOf(String thing) {
        return stack.dynamo().query(b -> b.tableName(stack.tenant().readingsTable())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("D#" + thing),
                        ":r", AttributeValue.fromS("R#")))).items();
    }

    private static void awaitPipeline() throws InterruptedException {
        assertThat(stack.rules().awaitIdle(60, TimeUnit.SECONDS)).as("pipeline idle").isTrue();
    }

    @Test
    void theTenantTemplatesStaffPool_isCreatedWithItsSixGroupsAndTheDashboardClient() {
        var pool = stack.tenant().staffPool().orElseThrow();

        assertThat(pool.groups()).containsExactlyInAnyOrder("nurse", "nurse_in_charge", "clinician", "pharmacist",
                "biomed", "admin");
        assertThat(pool.userPoolId()).isNotBlank();
        assertThat(pool.clientId()).isNotBlank();
        assertThat(pool.issuer()).isEqualTo("https://cognito-idp." + pool.region() + ".amazonaws.com/"
                + pool.userPoolId());
    }

    @Test
    void theConnectionFilesSignInPart_letsTheIcuNurseSignIn_withAnIdTokenTheApisChecksAccept() {
        com.fasterxml.jackson.databind.node.ObjectNode doc = JSON.createObjectNode();
        LocalStackCommand.signIn(doc, stack);

        JsonNode api = doc.get("api");
        JsonNode nurse = java.util.stream.StreamSupport.stream(doc.get("staff").spliterator(), false)
                .filter(u -> u.get("username").asText().equals("nurse-icu3")).findFirst().orElseThrow();
        assertThat(doc.get("staff")).hasSize(7);
        assertThat(nurse.get("groups").toString()).isEqualTo("[\"nurse\"]");
        assertThat(nurse.get("wards").toString()).isEqualTo("[\"ICU-3\"]");
        try (var cognito = software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient
                .builder().endpointOverride(java.net.URI.create(api.get("cognitoEndpoint").asText()))
                .region(software.amazon.awssdk.regions.Region.of(api.get("region").asText()))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("testing", "testing")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build()) {
            String idToken = cognito.initiateAuth(b -> b.clientId(api.get("clientId").asText())
                    .authFlow(software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType
                            .USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "nurse-icu3", "PASSWORD", nurse.get("password").asText())))
                    .authenticationResult().idToken();
            var pool = stack.tenant().staffPool().orElseThrow();
            var authorizer = new org.wardwatch.localstack.api.JwtAuthorizer(pool.jwksUri(stack.emulatorEndpoint()),
                    api.get("issuer").asText(), api.get("clientId").asText(), java.time.Clock.systemUTC());

            assertThat(authorizer.authorize("Bearer " + idToken))
                    .isInstanceOf(org.wardwatch.localstack.api.JwtAuthorizer.Allowed.class);
        }
    }

    @Test
    void devicePublishes_readingIsStored_andTheAlertReachesStaff() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-icu3-bed7-spo2", "7"));
        try (DeviceConnection connection = stack.connect(device)) {
            boolean accepted = connection.publish(stack.tenant().telemetryTopic(device.thing()), payload("e2e-1", 84))
                    .get(15, TimeUnit.SECONDS);
            assertThat(accepted).isTrue();
        }
        awaitPipeline();

        assertThat(readingsOf(device.thing())).singleElement()
                .satisfies(item -> assertThat(item.get("value").n()).isEqualTo("84"));
        List<JsonNode> alerts = stack.drainStaffInbox().stream().map(LocalStack.StaffMessage::document)
                .filter(d -> d.path("device").asText().equals(device.thing())).toList();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.get("transition").asText()).isEqualTo("OPENED");
            assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(alert.get("sms").asText()).contains("ICU-3 bed 7");
        });
    }

    @Test
    void publishingToAnotherDevicesTopic_isRefused_andNothingIsStored() throws Exception {
        LocalStack.Credentials mallory = stack.declare(oximeter("e2e-mallory", "8"));
        LocalStack.Credentials victim = stack.declare(oximeter("e2e-victim", "9"));
        long publishedBefore = stack.stats().published.get();
        try (DeviceConnection connection = stack.connect(mallory)) {
            Boolean accepted = connection.publish(stack.tenant().telemetryTopic(victim.thing()), payload("e2e-2", 85))
                    .get(15, TimeUnit.SECONDS);
            assertThat(accepted).isFalse();
        }
        awaitPipeline();

        assertThat(readingsOf(victim.thing())).isEmpty();
        assertThat(readingsOf(mallory.thing())).isEmpty();
        assertThat(stack.stats().published.get()).isEqualTo(publishedBefore);
        assertThat(stack.broker().authorization().refusals()).containsKey("publish");
    }

    @Test
    void certificateFromAForeignCa_cannotConnect(@org.junit.jupiter.api.io.TempDir Path elsewhere) {
        TenantId other = TenantId.of("other-hospital");
        TenantCa foreign = TenantCa.create(other, KeyType.EC, Validity.days(2));
        TenantFiles foreignFiles = new TenantFiles(elsewhere, other);
        foreignFiles.saveCa(foreign, null);
        // the thing exists in this tenant's registry, but the certificate was not issued by this tenant's CA
        stack.declare(oximeter("e2e-impersonated", "10"));
        StoredDevice forged = foreignFiles.saveDevice(DeviceIdentity.issue(foreign,
                new DeviceSpec(other, ThingName.of("e2e-impersonated"), DeviceKind.PULSE_OXIMETER, "ICU-3", "10", null),
                KeyType.EC, Validity.days(1)));

        assertThatThrownBy(() -> stack.connect(new LocalStack.Credentials("e2e-impersonated", forged.certificateFile(),
                forged.keyFile(), null))).isInstanceOf(DeviceConnection.RefusedException.class);
        assertThat(readingsOf("e2e-impersonated")).isEmpty();
    }

    @Test
    void revokedCertificate_isRefusedAtConnect() {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-revoked", "11"));
        stack.registrar().revoke(ThingName.of(device.thing()), TenantId.of(stack.tenant().tenantId()),
                Set.of(device.certificateId()));

        assertThatThrownBy(() -> stack.connect(device)).isInstanceOf(DeviceConnection.RefusedException.class);
    }

    @Test
    void clientIdThatIsNotTheCertificatesCn_isRefused() {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-honest", "12"));
        stack.declare(oximeter("e2e-other-bed", "13"));

        assertThatThrownBy(() -> stack.connect(device, "e2e-other-bed"))
                .isInstanceOf(DeviceConnection.RefusedException.class);
        assertThatThrownBy(() -> stack.connect(device, "not-a-thing"))
                .isInstanceOf(DeviceConnection.RefusedException.class);
    }

    // --- lifecycle events ($aws/events/presence/...) ---------------------------------------------------------

    /** The lifecycle events of {@code clientId} so far, waiting up to 15 s until there are at least {@code count}. */
    private static List<Observed> eventsOf(String clientId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            List<Observed> events = lifecycle.stream()
                    .filter(o -> o.event().path("clientId").asText().equals(clientId)).toList();
            if (events.size() >= count || System.nanoTime() > deadline) {
                return events;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void deviceThatConnectsAndDisconnects_getsAConnectedThenADisconnectedEvent_ofOneSession() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-presence-clean", "15"));
        long before = System.currentTimeMillis();
        stack.connect(device).close();

        List<Observed> events = eventsOf(device.thing(), 2);

        assertThat(events).extracting(Observed::topic).containsExactly(
                "$aws/events/presence/connected/e2e-presence-clean",
                "$aws/events/presence/disconnected/e2e-presence-clean");
        JsonNode connected = events.get(0).event();
        JsonNode disconnected = events.get(1).event();
        assertThat(connected.get("eventType").asText()).isEqualTo("connected");
        assertThat(connected.get("sessionIdentifier").asText()).matches("[0-9a-f]{32}");
        assertThat(connected.get("principalIdentifier").asText()).isEqualTo(device.certificateId());
        assertThat(connected.get("ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(connected.get("timestamp").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(disconnected.get("eventType").asText()).isEqualTo("disconnected");
        for (String field : List.of("clientId", "sessionIdentifier", "principalIdentifier", "versionNumber")) {
            assertThat(disconnected.get(field)).as(field).isEqualTo(connected.get(field));
        }
        assertThat(disconnected.get("disconnectReason").asText()).isEqualTo("CLIENT_INITIATED_DISCONNECT");
        assertThat(disconnected.get("clientInitiatedDisconnect").asBoolean()).isTrue();
        assertThat(disconnected.get("timestamp").asLong()).isGreaterThanOrEqualTo(connected.get("timestamp").asLong());

        stack.connect(device).close();

        List<Observed> again = eventsOf(device.thing(), 4);
        assertThat(again).hasSize(4);
        JsonNode reconnected = again.get(2).event();
        assertThat(reconnected.get("eventType").asText()).isEqualTo("connected");
        assertThat(reconnected.get("versionNumber").asLong()).isEqualTo(connected.get("versionNumber").asLong() + 1);
        assertThat(reconnected.get("sessionIdentifier").asText())
                .matches("[0-9a-f]{32}").isNotEqualTo(connected.get("sessionIdentifier").asText());
        assertThat(again.get(3).event().get("versionNumber")).isEqualTo(reconnected.get("versionNumber"));
    }

    @Test
    void connectionDroppedWithoutDisconnect_isConnectionLost() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-presence-unplugged", "16"));
        stack.connect(device).closeWithoutDisconnect();

        List<Observed> events = eventsOf(device.thing(), 2);

        assertThat(events).hasSize(2);
        JsonNode disconnected = events.get(1).event();
        assertThat(disconnected.get("disconnectReason").asText()).isEqualTo("CONNECTION_LOST");
        assertThat(disconnected.get("clientInitiatedDisconnect").asBoolean()).isFalse();
        assertThat(disconnected.get("sessionIdentifier")).isEqualTo(events.get(0).event().get("sessionIdentifier"));
    }

    @Test
    void publishOutsideThePolicy_endsTheSessionWithAuthError() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-presence-trespasser", "17"));
        try (DeviceConnection connection = stack.connect(device)) {
            assertThat(connection.publish(stack.tenant().telemetryTopic("e2e-presence-clean"), payload("p-1", 97))
                    .get(15, TimeUnit.SECONDS)).isFalse();
            List<Observed> events = eventsOf(device.thing(), 2);

            assertThat(events.get(1).event().get("eventType").asText()).isEqualTo("disconnected");
            assertThat(events.get(1).event().get("disconnectReason").asText()).isEqualTo("AUTH_ERROR");
            assertThat(events.get(1).event().get("clientInitiatedDisconnect").asBoolean()).isFalse();
        }
    }

    @Test
    void secondClientWithTheSameClientId_takesOver_andTheFirstSessionEndsAsDuplicateClientId() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-presence-twin", "18"));
        DeviceConnection first = stack.connect(device);
        String firstSession = eventsOf(device.thing(), 1).get(0).event().get("sessionIdentifier").asText();
        try (DeviceConnection second = stack.connect(device)) {
            first.closeWithoutDisconnect(); // the SDK would otherwise reconnect and take the id back

            List<Observed> events = eventsOf(device.thing(), 3);

            JsonNode ended = events.stream().map(Observed::event)
                    .filter(e -> e.get("eventType").asText().equals("disconnected"))
                    .filter(e -> e.get("sessionIdentifier").asText().equals(firstSession))
                    .findFirst().orElseThrow();
            assertThat(ended.get("disconnectReason").asText()).isEqualTo("DUPLICATE_CLIENTID");
            assertThat(ended.get("clientInitiatedDisconnect").asBoolean()).isFalse();
            JsonNode secondConnected = events.stream().map(Observed::event)
                    .filter(e -> e.get("eventType").asText().equals("connected"))
                    .filter(e -> !e.get("sessionIdentifier").asText().equals(firstSession))
                    .findFirst().orElseThrow();
            assertThat(secondConnected.get("versionNumber").asLong())
                    .isEqualTo(ended.get("versionNumber").asLong() + 1);
        }
    }

    @Test
    void refusedConnect_getsAConnectFailedEvent_andNoSession() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-presence-impostor", "19"));
        stack.declare(oximeter("e2e-presence-victim", "20"));

        assertThatThrownBy(() -> stack.connect(device, "e2e-presence-victim"))
                .isInstanceOf(DeviceConnection.RefusedException.class);

        // The SDK may retry before it gives up: every attempt is one connect_failed, none opens a session.
        List<Observed> events = eventsOf("e2e-presence-victim", 1);
        assertThat(events).isNotEmpty().allSatisfy(o -> {
            assertThat(o.topic()).isEqualTo("$aws/events/presence/connect_failed/e2e-presence-victim");
            assertThat(o.event().get("connectFailureReason").asText()).isEqualTo("AUTHORIZATION_FAILED");
        });
        assertThat(eventsOf(device.thing(), 0)).isEmpty();
    }

    @Test
    void clientAllowedToSubscribe_receivesTheEventsOverMqtt_asTheRulesEngineDoes() throws Exception {
        LocalStack.Credentials monitor = stack.declare(oximeter("e2e-presence-monitor", "22"));
        String arn = "arn:aws:iot:" + stack.tenant().region() + ":" + stack.tenant().account() + ":";
        stack.iot().createPolicy(b -> b.policyName("e2e-presence-monitor").policyDocument("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "%stopicfilter/$aws/events/presence/*"},
                  {"Effect": "Allow", "Action": "iot:Receive", "Resource": "%stopic/$aws/events/presence/*"}]}
                """.formatted(arn, arn)));
        String certificateArn = stack.iot().describeCertificate(b -> b.certificateId(monitor.certificateId()))
                .certificateDescription().certificateArn();
        stack.iot().attachPolicy(b -> b.policyName("e2e-presence-monitor").target(certificateArn));
        LocalStack.Credentials device = stack.declare(oximeter("e2e-presence-watched", "23"));
        List<DeviceConnection.Received> received = new CopyOnWriteArrayList<>();

        try (DeviceConnection watched = stack.connect(device)) {
            assertThat(watched.subscribe("$aws/events/presence/#").get(15, TimeUnit.SECONDS))
                    .as("a device's own policy does not allow it").isFalse();
        }
        try (DeviceConnection subscriber = stack.connect(monitor, received::add)) {
            assertThat(subscriber.subscribe("$aws/events/presence/#").get(15, TimeUnit.SECONDS)).isTrue();
            stack.connect(device).close();
            List<Observed> events = eventsOf(device.thing(), 4);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (received.stream().filter(r -> r.topic().endsWith("/" + device.thing())).count() < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            List<DeviceConnection.Received> overMqtt = received.stream()
                    .filter(r -> r.topic().endsWith("/" + device.thing())).toList();
            assertThat(overMqtt).extracting(DeviceConnection.Received::topic).containsExactly(
                    "$aws/events/presence/connected/e2e-presence-watched",
                    "$aws/events/presence/disconnected/e2e-presence-watched");
            assertThat(JSON.readTree(overMqtt.get(0).payload())).isEqualTo(events.get(2).event());
            assertThat(JSON.readTree(overMqtt.get(1).payload())).isEqualTo(events.get(3).event());
        }
    }

    /** The emulator unreachable for the function (and only for it) while this device's message is processed. */
    @Test
    void functionFailure_endsInTheOnFailureQueue_withTheOriginalPayload() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-emulator-gone", "14"));
        DeadLetterQueues.empty(stack);
        byte[] payload = payload("e2e-99", 97);
        long deadBefore = stack.stats().deadLetters.get();
        try (DeviceConnection connection = stack.connect(device)) {
            stack.faults().down();
            try {
                assertThat(connection.publish(stack.tenant().telemetryTopic(device.thing()), payload)
                        .get(15, TimeUnit.SECONDS)).isTrue();
                awaitPipeline();
            } finally {
                stack.faults().pass();
            }
        }
        awaitPipeline();

        assertThat(stack.stats().deadLetters.get()).isEqualTo(deadBefore + 1);
        List<JsonNode> records = stack.onFailureRecords().stream().map(LocalStackTest::json)
                .filter(r -> r.at("/requestPayload/thingName").asText().equals(device.thing())).toList();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
            assertThat(Base64.getDecoder().decode(record.at("/requestPayload/payload").asText())).isEqualTo(payload);
        });
        assertThat(readingsOf(device.thing())).isEmpty();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: an on-failure record", e);
        }
    }
}
