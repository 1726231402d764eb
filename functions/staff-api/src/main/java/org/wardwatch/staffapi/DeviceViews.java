package org.wardwatch.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What GET /devices answers. Times ISO-8601 UTC (offset Z). */
public final class DeviceViews {

    private DeviceViews() {
    }

    @Schema(name = "DeviceList", description = "a page of a ward's devices: silent ones first, then by thing name")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceList(@Schema(examples = "ICU-3") String ward, List<Device> devices,
                             @Schema(description = "the cursor of the next page (pass it as next=); absent on the last")
                             String next) {
    }

    @Schema(name = "Device")
    public record Device(
            @Schema(examples = "icu3-oximeter-12") String thingName,
            @Schema(examples = "pulse_oximeter") String kind,
            @Schema(description = "where it is: bed 12, room 3, or null (a storage unit: its ward alone)",
                    examples = "bed 12") String place,
            @Schema(description = "the devices table's status", examples = "ACTIVE") String status,
            @Schema(description = "whether its battery is low (a DEVICE battery WARNING stands): the level itself is "
                    + "not stored") boolean batteryLow,
            @Schema(description = "its IoT Core connection; null when no lifecycle event was recorded")
            Connection connection,
            @Schema(format = "date-time", description = "when its newest reading arrived; null if it never reported")
            String lastSeen,
            @Schema(description = "whether the silence check flags it (no reading for 3 x its kind's interval)")
            boolean silent,
            @Schema(description = "the open alerts placed at the device (DEVICE and COLD_CHAIN)")
            List<AlertView> openAlerts) {
    }

    @Schema(name = "Connection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Connection(boolean connected,
                             @Schema(format = "date-time", description = "the newest lifecycle event's time") String since,
                             @Schema(format = "date-time") String lastDisconnectAt,
                             @Schema(examples = "MQTT_KEEP_ALIVE_TIMEOUT") String lastDisconnectReason) {
    }
}
