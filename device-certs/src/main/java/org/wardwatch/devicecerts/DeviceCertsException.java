package org.wardwatch.devicecerts;

/** Something device-certs cannot do; the message is one line that says what and, where it can, what to do. */
public class DeviceCertsException extends RuntimeException {

    public DeviceCertsException(String message) {
        super(message);
    }

    public DeviceCertsException(String message, Throwable cause) {
        super(message, cause);
    }
}
