package org.wardwatch.devicecerts;

/** The tenant has no CA in the output directory yet. */
public class CaNotFoundException extends DeviceCertsException {

    public CaNotFoundException(String message) {
        super(message);
    }
}
