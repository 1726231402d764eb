package org.wardwatch.model.tenant;

/**
 * The environment every handler reads at start (functions/README.md, "Environment"): the names the stack sets and
 * the function's defaults for the ones the stack leaves out. The constants are compile-time constants, so the
 * function's configuration mapping can name its defaults with them.
 */
public final class FunctionEnvironment {

    public static final String TENANT_ID = "WARDWATCH_TENANT_ID";
    public static final String READINGS_TABLE = "WARDWATCH_READINGS_TABLE";
    public static final String QUARANTINE_TABLE = "WARDWATCH_QUARANTINE_TABLE";
    public static final String DEVICES_TABLE = "WARDWATCH_DEVICES_TABLE";
    public static final String ALERT_TOPIC_ARN = "WARDWATCH_ALERT_TOPIC_ARN";
    /** The validated tenant configuration file (thresholds, storage profiles), see {@link FunctionConfigReader}. */
    public static final String CONFIG_FILE = "WARDWATCH_CONFIG_FILE";
    public static final String READING_RETENTION_DAYS = "WARDWATCH_READING_RETENTION_DAYS";
    public static final String COLD_CHAIN_RETENTION_DAYS = "WARDWATCH_COLD_CHAIN_RETENTION_DAYS";
    public static final String EXCURSION_WARNING_MINUTES = "WARDWATCH_EXCURSION_WARNING_MINUTES";
    public static final String EXCURSION_CRITICAL_MINUTES = "WARDWATCH_EXCURSION_CRITICAL_MINUTES";
    public static final String DOOR_OPEN_WARNING_MINUTES = "WARDWATCH_DOOR_OPEN_WARNING_MINUTES";
    public static final String VITALS_INTERVAL_SECONDS = "WARDWATCH_VITALS_INTERVAL_SECONDS";
    public static final String STORAGE_INTERVAL_SECONDS = "WARDWATCH_STORAGE_INTERVAL_SECONDS";
    public static final String TIME_ZONE = "WARDWATCH_TIME_ZONE";
    public static final String FAILURE_QUEUE_URL = "WARDWATCH_FAILURE_QUEUE_URL";
    public static final String RULE_ERROR_QUEUE_URL = "WARDWATCH_RULE_ERROR_QUEUE_URL";
    public static final String DEVICE_CACHE_SECONDS = "WARDWATCH_DEVICE_CACHE_SECONDS";
    /** The staff API's append-only audit table (functions/staff-api); no handler of this artifact reads it. */
    public static final String AUDIT_TABLE = "WARDWATCH_AUDIT_TABLE";
    /** The staff pool's app client the dashboard signs in with (the staff API serves it to the page). */
    public static final String DASHBOARD_CLIENT_ID = "WARDWATCH_DASHBOARD_CLIENT_ID";
    /** Which handler a function runs (a {@link Handler} name). */
    public static final String HANDLER = "QUARKUS_LAMBDA_HANDLER";

    public static final String DEFAULT_READING_RETENTION_DAYS = "400";
    /** CDC: temperature logs 3 years. */
    public static final String DEFAULT_COLD_CHAIN_RETENTION_DAYS = "1096";
    public static final String DEFAULT_EXCURSION_WARNING_MINUTES = "15";
    public static final String DEFAULT_EXCURSION_CRITICAL_MINUTES = "60";
    public static final String DEFAULT_DOOR_OPEN_WARNING_MINUTES = "5";
    public static final String DEFAULT_VITALS_INTERVAL_SECONDS = "60";
    public static final String DEFAULT_STORAGE_INTERVAL_SECONDS = "300";
    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final String DEFAULT_DEVICE_CACHE_SECONDS = "60";

    private FunctionEnvironment() {
    }
}
