package org.wardwatch.functions.service;

/** The time zone of a temperature log request is not a time zone id such as {@code Europe/London}. */
public class UnknownTimeZoneException extends RuntimeException {

    public UnknownTimeZoneException(String message) {
        super(message);
    }
}
