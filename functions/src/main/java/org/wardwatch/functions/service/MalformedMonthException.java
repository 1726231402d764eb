package org.wardwatch.functions.service;

/** The month of a temperature log request is absent or not of the form {@code yyyy-MM}. */
public class MalformedMonthException extends RuntimeException {

    public MalformedMonthException(String message) {
        super(message);
    }
}
