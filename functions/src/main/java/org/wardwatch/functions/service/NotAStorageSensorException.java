package org.wardwatch.functions.service;

/** A temperature log was asked of a device that is not a storage sensor (fridge or freezer). */
public class NotAStorageSensorException extends RuntimeException {

    public NotAStorageSensorException(String message) {
        super(message);
    }
}
