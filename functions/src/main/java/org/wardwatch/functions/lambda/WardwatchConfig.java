package org.wardwatch.functions.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Optional;
import org.wardwatch.model.tenant.FunctionEnvironment;

/**
 * The function's configuration, from environment variables the tenant's stack sets: the names and defaults are
 * the model's {@link FunctionEnvironment}.
 */
@ConfigMapping(prefix = "wardwatch")
public interface WardwatchConfig {

    /** The tenant this deployment serves; events of any other tenant are rejected. */
    String tenantId();

    /** Readings, latest values with alert state, processed messages and the alert outbox. */
    String readingsTable();

    /** Rejected messages and readings with reason and original payload. */
    String quarantineTable();

    /** The device registry written by device-certs. */
    String devicesTable();

    /** The SNS topic staff subscribe to. */
    String alertTopicArn();

    /**
     * The tenant configuration file ({@code WARDWATCH_CONFIG_FILE}, in the stack's layer under /opt): threshold
     * overrides and the tenant's own storage profiles, read at start with the model's reader; absent, the defaults.
     */
    Optional<String> configFile();

    /** Days readings and quarantined items are kept (DynamoDB TTL). */
    @WithDefault(FunctionEnvironment.DEFAULT_READING_RETENTION_DAYS)
    int readingRetentionDays();

    /** Days storage temperatures, door readings and excursions are kept (CDC: temperature logs 3 years). */
    @WithDefault(FunctionEnvironment.DEFAULT_COLD_CHAIN_RETENTION_DAYS)
    int coldChainRetentionDays();

    /** Minutes an excursion must last before a WARNING (docs/clinical-defaults.md, "Cold chain": a choice of wardwatch's). */
    @WithDefault(FunctionEnvironment.DEFAULT_EXCURSION_WARNING_MINUTES)
    int excursionWarningMinutes();

    /** Minutes an excursion must last before it is CRITICAL. */
    @WithDefault(FunctionEnvironment.DEFAULT_EXCURSION_CRITICAL_MINUTES)
    int excursionCriticalMinutes();

    /** Minutes a storage unit's door may stay open before a WARNING. */
    @WithDefault(FunctionEnvironment.DEFAULT_DOOR_OPEN_WARNING_MINUTES)
    int doorOpenWarningMinutes();

    /** Seconds between two readings of a vital-sign device; silent after three intervals without one. */
    @WithDefault(FunctionEnvironment.DEFAULT_VITALS_INTERVAL_SECONDS)
    int vitalsIntervalSeconds();

    /** Seconds between two readings of a storage sensor; silent after three intervals without one. */
    @WithDefault(FunctionEnvironment.DEFAULT_STORAGE_INTERVAL_SECONDS)
    int storageIntervalSeconds();

    /** The function's asynchronous on-failure destination (SQS), which the {@code redrive} handler replays. */
    Optional<String> failureQueueUrl();

    /** The topic rule's error action queue (SQS), which the {@code redrive} handler replays. */
    Optional<String> ruleErrorQueueUrl();

    /** Seconds a device registry row is cached in a warm instance; 0 reads it on every message. */
    @WithDefault(FunctionEnvironment.DEFAULT_DEVICE_CACHE_SECONDS)
    int deviceCacheSeconds();

    /**
     * The hospital's time zone, an IANA id such as {@code Europe/London}: the times in staff texts (SMS, e-mail),
     * with the zone's abbreviation (the staff API reads the same variable for a temperature log's days). A value
     * that is not a zone id stops the function at start.
     */
    @WithDefault(FunctionEnvironment.DEFAULT_TIME_ZONE)
    ZoneId timeZone();
}
