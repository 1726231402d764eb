package org.wardwatch.functions.service;

import java.util.Optional;
import org.wardwatch.functions.core.Device;

/** The tenant's device registry (written by device-certs). */
public interface DeviceRegistry {

    Optional<Device> find(String thingName);
}
