package org.wardwatch.devicecerts;

/** An encrypted CA key was given no passphrase, or the wrong one. */
public class PassphraseException extends DeviceCertsException {

    public PassphraseException(String message) {
        super(message);
    }
}
