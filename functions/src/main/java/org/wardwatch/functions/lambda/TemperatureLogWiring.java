package org.wardwatch.functions.lambda;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.wardwatch.functions.aws.DynamoDeviceRegistry;
import org.wardwatch.functions.aws.DynamoTemperatureLogSource;
import org.wardwatch.functions.service.TemperatureLogService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the framework-free temperature log service from configuration and the DynamoDB client. */
@ApplicationScoped
public class TemperatureLogWiring {

    @Produces
    @ApplicationScoped
    TemperatureLogService temperatureLogService(WardwatchConfig config, DynamoDbClient dynamo, Clock clock) {
        return new TemperatureLogService(config.tenantId(),
                new DynamoDeviceRegistry(dynamo, config.devicesTable(), Duration.ofSeconds(config.deviceCacheSeconds())),
                new DynamoTemperatureLogSource(dynamo, config.readingsTable()),
                TenantConfigFile.read(config).storageProfiles(),
                config.timeZone(), clock);
    }

    /** The time a log is generated at; tests replace it with a fixed clock. */
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
