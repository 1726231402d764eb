package org.wardwatch.telemetry.lambda;

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
    void priming_readsAnAbsentDevice_andWritesNothing() {
        TestTenant tenant = TestTenant.get();
        int devices = count(tenant.dynamo, TestTenant.DEVICES);
        int readings = count(tenant.dynamo, TestTenant.READINGS);
        int quarantined = count(tenant.dynamo, TestTenant.QUARANTINE);

        priming.prime();

        assertThat(count(tenant.dynamo, TestTenant.DEVICES)).isEqualTo(devices);
        assertThat(count(tenant.dynamo, TestTenant.READINGS)).isEqualTo(readings);
        assertThat(count(tenant.dynamo, TestTenant.QUARANTINE)).isEqualTo(quarantined);
        assertThat(tenant.dynamo.getItem(b -> b.tableName(TestTenant.DEVICES).consistentRead(true)
                .key(Map.of("thingName", AttributeValue.fromS(ClientPriming.ABSENT_THING)))).hasItem()).isFalse();
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
