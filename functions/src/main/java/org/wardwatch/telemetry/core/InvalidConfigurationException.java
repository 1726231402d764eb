package org.wardwatch.telemetry.core;

/** A tenant configuration value is wrong; the message names the field and what it must be. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
