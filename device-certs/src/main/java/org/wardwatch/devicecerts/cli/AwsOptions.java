package org.wardwatch.devicecerts.cli;

import java.net.URI;
import org.wardwatch.devicecerts.DeviceRegistry;
import org.wardwatch.devicecerts.IotRegistrar;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.tenant.TenantNames;
import picocli.CommandLine.Option;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Which AWS to talk to. Credentials and region come from the standard AWS SDK chain (environment, profile, ...);
 * the endpoint can be overridden for the emulator.
 */
final class AwsOptions {

    @Option(names = "--endpoint-url", paramLabel = "URL", defaultValue = "${env:AWS_ENDPOINT_URL}",
            description = "Endpoint override for IoT and DynamoDB, e.g. the emulator's http://127.0.0.1:PORT "
                    + "(default: the environment variable AWS_ENDPOINT_URL, else AWS itself).")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: the AWS SDK's chain: AWS_REGION, the profile, ...).")
    String region;

    @Option(names = "--devices-table", paramLabel = "TABLE", defaultValue = "${env:WARDWATCH_DEVICES_TABLE}",
            description = "The tenant's devices table (default: WARDWATCH_DEVICES_TABLE, else wardwatch-<tenant>-devices).")
    String devicesTable;

    /** The AWS clients of one command run; closed when it ends. */
    final class Clients implements AutoCloseable {
        final IotClient iot;
        final DynamoDbClient dynamo;
        final IotRegistrar registrar;

        Clients(TenantId tenant) {
            var iotBuilder = IotRegistrar.iotClientBuilder();
            var dynamoBuilder = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
            if (endpoint != null) {
                iotBuilder.endpointOverride(endpoint);
                dynamoBuilder.endpointOverride(endpoint);
            }
            if (region != null) {
                iotBuilder.region(Region.of(region));
                dynamoBuilder.region(Region.of(region));
            }
            iot = iotBuilder.build();
            dynamo = dynamoBuilder.build();
            String table = devicesTable != null && !devicesTable.isBlank() ? devicesTable : TenantNames.of(tenant).devicesTable();
            registrar = new IotRegistrar(iot, new DeviceRegistry(dynamo, table));
        }

        @Override
        public void close() {
            iot.close();
            dynamo.close();
        }
    }

    Clients connect(TenantId tenant) {
        return new Clients(tenant);
    }
}
