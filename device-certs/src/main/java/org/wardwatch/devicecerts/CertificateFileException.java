package org.wardwatch.devicecerts;

/** A PEM file (certificate, key, CSR, CSV) is missing, unreadable or not what it should be. */
public class CertificateFileException extends DeviceCertsException {

    public CertificateFileException(String message) {
        super(message);
    }

    public CertificateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
