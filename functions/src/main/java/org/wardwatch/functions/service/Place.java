package org.wardwatch.functions.service;

/** The bed a device's readings feed. */
public record Place(String ward, String bed) {
}
