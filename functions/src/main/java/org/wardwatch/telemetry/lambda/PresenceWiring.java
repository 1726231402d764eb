package org.wardwatch.telemetry.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.wardwatch.telemetry.aws.DynamoDeviceRegistry;
import org.wardwatch.telemetry.aws.DynamoPresenceStore;
import org.wardwatch.telemetry.core.PresenceDecoder;
import org.wardwatch.telemetry.service.PresenceService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the framework-free presence service from configuration and the AWS clients. */
@ApplicationScoped
public class PresenceWiring {

    @Produces
    @ApplicationScoped
    PresenceService presenceService(WardwatchConfig config, DynamoDbClient dynamo, Clock clock) {
        return new PresenceService(config.tenantId(), new PresenceDecoder(),
                new DynamoDeviceRegistry(dynamo, config.devicesTable(), Duration.ofSeconds(config.deviceCacheSeconds())),
                new DynamoPresenceStore(dynamo, config.readingsTable(), config.quarantineTable(),
                        Duration.ofDays(config.readingRetentionDays())),
                clock);
    }
}
