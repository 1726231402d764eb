package org.wardwatch.devicecerts;

/**
 * The device is not in the state the command needs: not issued yet, already issued, not registered, revoked, or
 * with a rotation pending.
 */
public class DeviceStateException extends DeviceCertsException {

    public DeviceStateException(String message) {
        super(message);
    }
}
