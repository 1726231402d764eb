package org.wardwatch.devicecerts;

/** A tenant id, thing name, device kind, storage profile, ward or bed that the fleet does not accept. */
public class InvalidDeviceException extends DeviceCertsException {

    public InvalidDeviceException(String message) {
        super(message);
    }
}
