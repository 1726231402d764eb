package org.wardwatch.telemetry.core;

import org.wardwatch.model.device.DeviceKind;
/**
 * A registered device as the tenant's device registry knows it.
 *
 * @param patientRef an opaque admission reference set by the hospital's systems, never a name; may be null
 */
public record Device(String thingName, String tenantId, DeviceKind kind, String ward, String bed,
                     String storageProfile, String patientRef, boolean active) {

    /** {@code <ward>#<bed>}, or null when the device is not at a bed (fridges, freezers). */
    public String bedKey() {
        return ward == null || bed == null ? null : ward + "#" + bed;
    }
}
