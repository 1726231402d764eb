package org.wardwatch.telemetry.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Optional;

/** The function's configuration, from environment variables the tenant's stack sets (WARDWATCH_*). */
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

    /** JSON threshold overrides per metric, replacing that metric's NEWS2 default bands. */
    Optional<String> thresholds();

    /** Days readings and quarantined items are kept (DynamoDB TTL). */
    @WithDefault("400")
    int readingRetentionDays();

    /** Days storage temperatures, door readings and excursions are kept (CDC: temperature logs 3 years). */
    @WithDefault("1096")
    int coldChainRetentionDays();

    /** Minutes an excursion must last before a WARNING (shared/REFERENCE.md, Cold chain; issue default 15). */
    @WithDefault("15")
    int excursionWarningMinutes();

    /** Minutes an excursion must last before it is CRITICAL. */
    @WithDefault("60")
    int excursionCriticalMinutes();

    /** Minutes a storage unit's door may stay open before a WARNING. */
    @WithDefault("5")
    int doorOpenWarningMinutes();

    /**
     * JSON of the tenant's own storage profiles, added to (or replacing) the defaults, e.g.
     * {@code {"blood_fridge": {"min": 2.0, "max": 6.0, "freezeAtOrBelow": 0.0}}}.
     */
    Optional<String> storageProfiles();

    /** Seconds between two readings of a vital-sign device; silent after three intervals without one. */
    @WithDefault("60")
    int vitalsIntervalSeconds();

    /** Seconds between two readings of a storage sensor; silent after three intervals without one. */
    @WithDefault("300")
    int storageIntervalSeconds();

    /** The function's asynchronous on-failure destination (SQS), which the {@code redrive} handler replays. */
    Optional<String> failureQueueUrl();

    /** The topic rule's error action queue (SQS), which the {@code redrive} handler replays. */
    Optional<String> ruleErrorQueueUrl();

    /** Seconds a device registry row is cached in a warm instance; 0 reads it on every message. */
    @WithDefault("60")
    int deviceCacheSeconds();

    /**
     * The hospital's time zone, an IANA id such as {@code Europe/London}: the local days of a temperature log's
     * rows when the request names no zone. A value that is not a zone id stops the function at start.
     */
    @WithDefault("UTC")
    ZoneId timeZone();
}
