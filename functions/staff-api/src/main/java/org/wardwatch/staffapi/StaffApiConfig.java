package org.wardwatch.staffapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The staff API's configuration, from the environment variables the tenant's stack sets (the same WARDWATCH_* names
 * as the device-facing functions', plus the audit table).
 */
@ConfigMapping(prefix = "wardwatch")
interface StaffApiConfig {

    /** WARDWATCH_TENANT_ID. */
    String tenantId();

    /** WARDWATCH_READINGS_TABLE: the alert records live there. */
    String readingsTable();

    /** WARDWATCH_DEVICES_TABLE: the device registry, for the devices at a ward's beds. */
    String devicesTable();

    /**
     * WARDWATCH_CONFIG_FILE: the tenant configuration file the functions read (the wards' vitals policies, NEWS2's
     * settings); absent, the defaults (every ward scores by thresholds).
     */
    Optional<String> configFile();

    /** WARDWATCH_ALERT_TOPIC_ARN: acknowledgements are told to those paged. */
    String alertTopicArn();

    /** WARDWATCH_AUDIT_TABLE: one item per write, append-only. */
    String auditTable();

    /** WARDWATCH_DASHBOARD_CLIENT_ID: the app client the dashboard signs in with; absent, the page cannot sign in. */
    Optional<String> dashboardClientId();

    /** WARDWATCH_TIME_ZONE: the hospital's zone, for times in staff texts. */
    @WithDefault("Europe/London")
    ZoneId timeZone();
}
