package org.wardwatch.functions.core;

import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.Isolation;

/**
 * A registered device as the tenant's device registry knows it.
 *
 * @param patientRef an opaque admission reference set by the hospital's systems, never a name; may be null
 * @param room       a room sensor's room within the ward; null for other kinds
 * @param isolation  the room's pressure isolation, {@link Isolation#NONE} for an ordinary room and other kinds
 */
public record Device(String thingName, String tenantId, DeviceKind kind, String ward, String bed,
                     String storageProfile, String patientRef, boolean active, String room, Isolation isolation) {

    public Device {
        isolation = isolation == null ? Isolation.NONE : isolation;
    }

    public Device(String thingName, String tenantId, DeviceKind kind, String ward, String bed,
                  String storageProfile, String patientRef, boolean active) {
        this(thingName, tenantId, kind, ward, bed, storageProfile, patientRef, active, null, Isolation.NONE);
    }

    /** This device with its readings attributed to {@code patientRef} (the bed's admission), or to none. */
    public Device withPatientRef(String patientRef) {
        return new Device(thingName, tenantId, kind, ward, bed, storageProfile, patientRef, active, room, isolation);
    }

    /** {@code <ward>#<bed>}, or null when the device is not at a bed (fridges, freezers, rooms). */
    public String bedKey() {
        return ward == null || bed == null ? null : ward + "#" + bed;
    }
}
