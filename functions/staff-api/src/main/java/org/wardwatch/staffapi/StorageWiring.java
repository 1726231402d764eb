package org.wardwatch.staffapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.wardwatch.functions.aws.DynamoDeviceRegistry;
import org.wardwatch.functions.aws.DynamoDeviceStates;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements;
import org.wardwatch.functions.aws.DynamoExcursionLog;
import org.wardwatch.functions.aws.DynamoTemperatureLogSource;
import org.wardwatch.functions.service.DeviceRegistry;
import org.wardwatch.functions.service.TemperatureLogService;
import org.wardwatch.model.tenant.FunctionConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The devices, storage and audit endpoints' stores, built from the functions' own aws/ and service/ classes with
 * their plain constructors (the functions jar brings no beans): the devices
 * table read without a cache (a unit's ward, which every request is checked against, is the table's as it is now),
 * the device states, the excursion log and its acknowledgement, the temperature log, the audit read.
 */
@ApplicationScoped
class StorageWiring {

    @Produces
    @ApplicationScoped
    DeviceRegistry registry(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoDeviceRegistry(dynamo, config.devicesTable(), Duration.ZERO);
    }

    @Produces
    @ApplicationScoped
    DynamoDeviceStates deviceStates(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoDeviceStates(dynamo, config.devicesTable(), config.readingsTable());
    }

    @Produces
    @ApplicationScoped
    DynamoExcursionLog excursionLog(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoExcursionLog(dynamo, config.readingsTable());
    }

    @Produces
    @ApplicationScoped
    DynamoExcursionAcknowledgements excursionAcknowledgements(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoExcursionAcknowledgements(dynamo, config.readingsTable(), config.tenantId());
    }

    /** The temperature log service: the tenant's storage profiles, the hospital's zone. */
    @Produces
    @ApplicationScoped
    TemperatureLogService temperatureLogs(StaffApiConfig config, DeviceRegistry registry, DynamoDbClient dynamo,
                                          FunctionConfig tenant) {
        return new TemperatureLogService(config.tenantId(), registry,
                new DynamoTemperatureLogSource(dynamo, config.readingsTable()), tenant.storageProfiles(),
                config.timeZone(), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    AuditReader auditReader(StaffApiConfig config, DynamoDbClient dynamo) {
        return new AuditReader(dynamo, config.auditTable());
    }
}
