package org.wardwatch.model.device;

/** Where a device is: at a patient's bed, in a room, or in a storage unit (fridge, freezer). */
public enum Placement {
    BED,
    ROOM,
    STORAGE
}
