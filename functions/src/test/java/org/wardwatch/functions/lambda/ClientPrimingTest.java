package org.wardwatch.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sns.SnsClient;

/** Priming warms the clients with a read that changes nothing, and never stops the start or the snapshot. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class ClientPrimingTest {

    @Inject
    ClientPriming priming;

    @Inject
    WardwatchConfig config;

    @Test
    void priming_readsAnAbsentDevice_once_andWritesNothing() {
        TestTenant tenant = TestTenant.get();
        int devices = count(tenant.dynamo, TestTenant.DEVICES);
        int readings = count(tenant.dynamo, TestTenant.READINGS);
        int quarantined = count(tenant.dynamo, TestTenant.QUARANTINE);

        Map<String, Integer> calls = AwsCalls.onThisThread(() -> {
            priming.prime();
            return null;
        }).calls();

        assertThat(calls).as("the telemetry handler's priming makes the registry's read, and only it")
                .isEqualTo(Map.of("GetItem(devices)", 1));
        assertThat(count(tenant.dynamo, TestTenant.DEVICES)).isEqualTo(devices);
        assertThat(count(tenant.dynamo, TestTenant.READINGS)).isEqualTo(readings);
        assertThat(count(tenant.dynamo, TestTenant.QUARANTINE)).isEqualTo(quarantined);
        assertThat(tenant.dynamo.getItem(b -> b.tableName(TestTenant.DEVICES).consistentRead(true)
                .key(Map.of("thingName", AttributeValue.fromS(ClientPriming.ABSENT_THING)))).hasItem()).isFalse();
    }

    /** A handler whose role may not read the devices table only builds the client: no call. */
    @Test
    void primingOfTheSilenceCheck_makesNoCall() {
        ClientPriming silence = new ClientPriming();
        silence.dynamo = TestTenant.get().dynamo;
        silence.config = config;
        silence.handler = "silence";

        Map<String, Integer> calls = AwsCalls.onThisThread(() -> {
            silence.prime();
            return null;
        }).calls();

        assertThat(calls).isEmpty();
    }

    @Test
    void unreachableDynamoDb_neitherFailsTheStartNorTheSnapshot() {
        ClientPriming unreachable = new ClientPriming();
        unreachable.dynamo = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:1")) // nothing listens on port 1
                .region(Region.EU_WEST_2)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
                .build();
        unreachable.sns = SnsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .region(Region.EU_WEST_2)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .build();
        unreachable.config = config;
        unreachable.handler = "telemetry";

        assertThatCode(unreachable::prime).doesNotThrowAnyException();
        assertThatCode(() -> unreachable.beforeCheckpoint(null)).doesNotThrowAnyException();
        unreachable.dynamo.close();
        unreachable.sns.close();
    }

    private static int count(DynamoDbClient dynamo, String table) {
        return dynamo.scan(b -> b.tableName(table).select(Select.COUNT).consistentRead(true)).count();
    }
}
