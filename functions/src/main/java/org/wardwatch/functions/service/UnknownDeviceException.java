package org.wardwatch.functions.service;

/** The device of a temperature log request is not in the tenant's device registry, or the request names none. */
public class UnknownDeviceException extends RuntimeException {

    public UnknownDeviceException(String message) {
        super(message);
    }
}
