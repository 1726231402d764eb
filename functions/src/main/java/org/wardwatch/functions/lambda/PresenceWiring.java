package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.wardwatch.functions.aws.DynamoDeviceRegistry;
import org.wardwatch.functions.aws.DynamoPresenceStore;
import org.wardwatch.functions.core.PresenceDecoder;
import org.wardwatch.functions.service.PresenceService;
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
