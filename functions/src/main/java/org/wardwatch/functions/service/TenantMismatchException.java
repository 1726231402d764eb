package org.wardwatch.functions.service;

/** The device is registered to a tenant other than this deployment's; its records are not given out. */
public class TenantMismatchException extends RuntimeException {

    public TenantMismatchException(String message) {
        super(message);
    }
}
