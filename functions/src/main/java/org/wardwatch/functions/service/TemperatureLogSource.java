package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.List;
import org.wardwatch.functions.core.ExcursionRecord;
import org.wardwatch.functions.core.LoggedTemperature;

/** Where a storage device's temperature readings and excursion log are kept. */
public interface TemperatureLogSource {

    /** The device's {@code storage_temperature} readings taken in {@code [from, to)} (device time). */
    List<LoggedTemperature> temperatures(String thingName, Instant from, Instant to);

    /**
     * The device's excursions that touch {@code [from, to)}: those that start in it, and one that started earlier
     * and had not ended by {@code from} (or is still open).
     */
    List<ExcursionRecord> excursions(String thingName, Instant from, Instant to);
}
