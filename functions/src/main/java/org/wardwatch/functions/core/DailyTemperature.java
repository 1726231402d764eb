package org.wardwatch.functions.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One local calendar day of a temperature log.
 *
 * @param readings      how many temperature readings the device took that day; 0 is a gap in the record
 * @param minCelsius    the day's lowest reading, rounded half-up to 0.1 degC; null when there was no reading
 * @param maxCelsius    the day's highest reading, rounded likewise; null when there was no reading
 * @param excursions    the excursions that were under way at some time of the day, in order of start
 */
public record DailyTemperature(LocalDate date, int readings, BigDecimal minCelsius, BigDecimal maxCelsius,
                               List<ExcursionRecord> excursions) {
}
