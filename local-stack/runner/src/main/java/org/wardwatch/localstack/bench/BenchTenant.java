package org.wardwatch.localstack.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.tenant.FunctionEnvironment;
import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The least a telemetry function needs in the emulator to process real messages: its readings, quarantine and
 * devices tables (keys as functions/README.md gives them; the indexes, which the function never reads, are left
 * out), an alert topic and three registered devices. Also makes the rule events the benchmarks send: every
 * accepted message has a new id and a later device time, so none is a duplicate or late unless meant to be.
 */
final class BenchTenant implements AutoCloseable {

    static final String TENANT = "bench-hospital";
    static final String REGION = "eu-west-2";
    private static final TenantNames NAMES = new TenantNames(TENANT);
    static final String THERMOMETER = "bench-icu-bed1-temp";
    static final String OXIMETER = "bench-icu-bed2-spo2";
    /** Alternates SpO2 88 and 97 %: every message opens or resolves an alert (one SNS notification each). */
    static final String ALERTING_OXIMETER = "bench-icu-bed3-spo2";

    private final DynamoDbClient dynamo;
    private final SnsClient sns;
    private final URI endpoint;
    private final String topicArn;
    private final Instant firstDeviceTime = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong alertToggle = new AtomicLong();

    BenchTenant(URI endpoint) {
        this.endpoint = endpoint;
        this.dynamo = client(DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), endpoint);
        this.sns = client(SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), endpoint);
        table(readingsTable(), "pk", "sk");
        table(quarantineTable(), "pk", "sk");
        table(devicesTable(), "thingName", null);
        device(THERMOMETER, DeviceKind.THERMOMETER, "1");
        device(OXIMETER, DeviceKind.PULSE_OXIMETER, "2");
        device(ALERTING_OXIMETER, DeviceKind.PULSE_OXIMETER, "3");
        this.topicArn = sns.createTopic(b -> b.name(NAMES.alertTopic())).topicArn();
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    String readingsTable() {
        return NAMES.readingsTable();
    }

    String quarantineTable() {
        return NAMES.quarantineTable();
    }

    String devicesTable() {
        return NAMES.devicesTable();
    }

    String topicArn() {
        return topicArn;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    SnsClient sns() {
        return sns;
    }

    /** The function's environment, as the tenant stack sets it. */
    Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(FunctionEnvironment.HANDLER, Handler.TELEMETRY.handlerName());
        env.put(FunctionEnvironment.TENANT_ID, TENANT);
        env.put(FunctionEnvironment.READINGS_TABLE, readingsTable());
        env.put(FunctionEnvironment.QUARANTINE_TABLE, quarantineTable());
        env.put(FunctionEnvironment.DEVICES_TABLE, devicesTable());
        env.put(FunctionEnvironment.ALERT_TOPIC_ARN, topicArn);
        return env;
    }

    /** Region, emulator credentials and endpoint, as the stack gives each function process. */
    Map<String, String> awsEnvironment() {
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("AWS_REGION", REGION);
        aws.put("AWS_ACCESS_KEY_ID", "testing");
        aws.put("AWS_SECRET_ACCESS_KEY", "testing");
        aws.put("AWS_ENDPOINT_URL", endpoint.toString());
        return aws;
    }

    /**
     * A thermometer's body temperature, in range, no alert: 4 DynamoDB calls in 3 round trips once the device is in
     * the function's registry cache (read marker and states; readings and the update at once; mark processed).
     */
    String oneReading() {
        return event(THERMOMETER, message(THERMOMETER, "{\"metric\":\"body_temperature\",\"value\":37.1,\"unit\":\"Cel\"}"));
    }

    /** SpO2 and heart rate, in range, no alert: 5 DynamoDB calls in 3 round trips (an update for each reading). */
    String twoReadings() {
        return event(OXIMETER, message(OXIMETER, "{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"},"
                + "{\"metric\":\"heart_rate\",\"value\":72,\"unit\":\"/min\"}"));
    }

    /**
     * SpO2 and heart rate where SpO2 opens or resolves an alert: 5 DynamoDB calls (SpO2's update is a transaction
     * with the outbox item; the marker and the sent outbox item are one batch write) and one SNS publish, in 4
     * round trips.
     */
    String twoReadingsWithAlert() {
        String spo2 = alertToggle.getAndIncrement() % 2 == 0 ? "88" : "97";
        return event(ALERTING_OXIMETER, message(ALERTING_OXIMETER, "{\"metric\":\"spo2\",\"value\":" + spo2
                + ",\"unit\":\"%\"},{\"metric\":\"heart_rate\",\"value\":72,\"unit\":\"/min\"}"));
    }

    /** Truncated JSON: rejected before the registry, one quarantine write. */
    String rejected() {
        return event(OXIMETER, "{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"cut-" + sequence.incrementAndGet()
                + "\",\"readings\":[{\"metric\":\"spo2\",");
    }

    private String message(String thing, String readings) {
        long n = sequence.incrementAndGet();
        return "{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"" + thing + "-" + n + "\",\"deviceTime\":\""
                + firstDeviceTime.plusSeconds(n) + "\",\"battery\":0.8,\"readings\":[" + readings + "]}";
    }

    private static String event(String thing, String payload) {
        return "{\"payload\":\"" + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "\",\"tenantId\":\"" + TENANT + "\",\"thingName\":\"" + thing + "\",\"clientId\":\"" + thing
                + "\",\"receivedAt\":" + System.currentTimeMillis() + "}";
    }

    private void table(String name, String partitionKey, String sortKey) {
        dynamo.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sortKey == null) {
                b.attributeDefinitions(a -> a.attributeName(partitionKey).attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName(partitionKey).keyType(KeyType.HASH));
            } else {
                b.attributeDefinitions(a -> a.attributeName(partitionKey).attributeType(ScalarAttributeType.S),
                                a -> a.attributeName(sortKey).attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName(partitionKey).keyType(KeyType.HASH),
                                k -> k.attributeName(sortKey).keyType(KeyType.RANGE));
            }
        });
    }

    private void device(String thing, DeviceKind kind, String bed) {
        dynamo.putItem(b -> b.tableName(devicesTable()).item(Map.of(
                "thingName", AttributeValue.fromS(thing), "tenantId", AttributeValue.fromS(TENANT),
                "kind", AttributeValue.fromS(kind.code()), "ward", AttributeValue.fromS("ICU-9"),
                "bed", AttributeValue.fromS(bed), "status", AttributeValue.fromS("ACTIVE"))));
    }

    @Override
    public void close() {
        dynamo.close();
        sns.close();
    }
}
