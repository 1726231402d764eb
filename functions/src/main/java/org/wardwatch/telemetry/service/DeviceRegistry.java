package org.wardwatch.telemetry.service;

import java.util.Optional;
import org.wardwatch.telemetry.core.Device;

/** The tenant's device registry (written by device-certs). */
public interface DeviceRegistry {

    Optional<Device> find(String thingName);
}
