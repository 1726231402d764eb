package org.wardwatch.model.tenant;

import java.util.Objects;
import org.wardwatch.model.device.TenantId;

/**
 * Every physical name in a tenant's stack, derived from the tenant id so that two tenants in one account and
 * region never collide, and nothing in one stack names another tenant's resources.
 */
public final class TenantNames {

    private final String tenantId;
    private final String prefix;

    public TenantNames(String tenantId) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.prefix = "wardwatch-" + tenantId;
    }

    public static TenantNames of(TenantId tenant) {
        return new TenantNames(tenant.value());
    }

    public String tenantId() {
        return tenantId;
    }

    public String stackName() {
        return prefix;
    }

    /** {@code wardwatch-<tenant>-<what>}, for tables, topics, queues, the function and alarms. */
    public String resource(String what) {
        return prefix + "-" + what;
    }

    /** The devices table (partition key {@code thingName}): infra creates it, device-certs registers into it. */
    public String devicesTable() {
        return resource("devices");
    }

    public String readingsTable() {
        return resource("readings");
    }

    public String quarantineTable() {
        return resource("quarantine");
    }

    /** The SNS topic staff alerts are published to. */
    public String alertTopic() {
        return resource("alerts");
    }

    /**
     * The IoT thing type of the tenant's devices. AWS IoT lets a thing without a type carry only three attributes;
     * a device's place needs up to six (tenant, kind, ward, bed or room, isolation or storage profile).
     */
    public String deviceThingType() {
        return resource("device");
    }

    /** The IoT policy every device certificate of the tenant is attached to. */
    public String devicePolicy() {
        return resource("device");
    }

    /** The function that runs a handler, e.g. {@code wardwatch-<tenant>-telemetry}. */
    public String function(Handler handler) {
        return resource(handler.handlerName());
    }

    /** IoT rule names allow only letters, digits and '_'; tenant ids never contain '_', so this is injective. */
    public String topicRule() {
        return "wardwatch_" + tenantId.replace('-', '_') + "_telemetry";
    }

    /** The presence rule: {@code wardwatch_<tenant>_presence}, named as {@link #topicRule()} is. */
    public String presenceRule() {
        return "wardwatch_" + tenantId.replace('-', '_') + "_presence";
    }

    /** The MQTT topic filter the rule selects from: {@code tenants/<tenant>/devices/+/telemetry}. */
    public String telemetryTopicFilter() {
        return "tenants/" + tenantId + "/devices/+/telemetry";
    }

    /** The topic one device publishes its readings to: {@code tenants/<tenant>/devices/<thing>/telemetry}. */
    public String telemetryTopic(String thingName) {
        return "tenants/" + tenantId + "/devices/" + thingName + "/telemetry";
    }

    /** The topic a device may publish to, with the IoT policy variable for its own thing name. */
    public String ownTelemetryTopic() {
        return "tenants/" + tenantId + "/devices/${iot:Connection.Thing.ThingName}/telemetry";
    }

    /** The Cognito user pool of the tenant's staff (issue 16): {@code wardwatch-<tenant>-staff}. */
    public String staffUserPool() {
        return resource("staff");
    }

    /** The user pool's app client of the staff dashboard; a client's name is the pool's own, not the account's. */
    public String dashboardClient() {
        return "dashboard";
    }

    /**
     * The staff API (issue 16): its function and its HTTP API, {@code wardwatch-<tenant>-staff-api}. Its own
     * artifact (functions/staff-api), not a {@link Handler} of the device-facing one; no handler is named so.
     */
    public String staffApi() {
        return resource(STAFF_API);
    }

    /** The staff API's name after the tenant's prefix, also the {@code function} dimension of its metrics. */
    public static final String STAFF_API = "staff-api";

    /** The append-only audit of staff's writes: {@code wardwatch-<tenant>-audit}. */
    public String auditTable() {
        return resource("audit");
    }

    public String keyAlias() {
        return "alias/" + prefix + "-data";
    }
}
