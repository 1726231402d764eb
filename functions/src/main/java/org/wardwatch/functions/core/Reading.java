package org.wardwatch.functions.core;

import org.wardwatch.model.reading.Metric;
/**
 * One accepted reading: the value in the metric's canonical unit, and what the device sent.
 *
 * @param index position in the message's {@code readings} array (part of the stored key, so redelivery
 *              overwrites rather than duplicates)
 * @param sentUnit the unit the device used; null for {@code door_open}
 * @param noSignal the device marked it {@code "quality":"no_signal"} (probe off, no pulse found): stored, but not a
 *                 vital sign ({@link NoSignal})
 */
public record Reading(int index, Metric metric, double value, double sentValue, String sentUnit, boolean noSignal) {

    public Reading(int index, Metric metric, double value, double sentValue, String sentUnit) {
        this(index, metric, value, sentValue, sentUnit, false);
    }
}
