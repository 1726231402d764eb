package org.wardwatch.functions.core;

import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.reading.Metric;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A storage device's temperature log for one calendar month, as a pharmacy hands it to an inspector: a row for
 * every local day of the month in the hospital's time zone (readings, minimum, maximum, the excursions under way
 * that day), then the month's excursions in full. A day without a reading keeps its row with an empty minimum
 * and maximum: gaps in the record are what an inspector looks for. Temperatures are rounded half-up to 0.1 degC,
 * as wardwatch rounds every temperature.
 *
 * @param range       the device's allowed range, or null when its profile has no known range
 * @param generatedAt when the log was compiled; an open excursion is taken to last until then
 * @param excursions  the excursions that touch the month (including one that began in the month before), in
 *                    order of start
 */
public record TemperatureLog(Device device, StorageProfile range, YearMonth month, ZoneId zone, Instant generatedAt,
                             List<DailyTemperature> days, List<ExcursionRecord> excursions) {

    /**
     * Compiles the log from the device's readings and excursions. Either may hold items outside the month (a
     * source may read a wider window); they are left out.
     */
    public static TemperatureLog compile(Device device, StorageProfile range, YearMonth month, ZoneId zone,
                                         Instant generatedAt, Collection<LoggedTemperature> readings,
                                         Collection<ExcursionRecord> excursions) {
        Instant monthStart = startOf(month.atDay(1), zone);
        Instant monthEnd = startOf(month.plusMonths(1).atDay(1), zone);
        List<ExcursionRecord> inMonth = excursions.stream()
                .filter(e -> e.touches(monthStart, monthEnd, generatedAt))
                .sorted(Comparator.comparing(ExcursionRecord::start))
                .toList();

        int length = month.lengthOfMonth();
        int[] counts = new int[length];
        double[] min = new double[length];
        double[] max = new double[length];
        for (LoggedTemperature reading : readings) {
            Instant at = reading.deviceTime();
            if (at.isBefore(monthStart) || !at.isBefore(monthEnd)) {
                continue;
            }
            int day = LocalDate.ofInstant(at, zone).getDayOfMonth() - 1;
            double value = reading.celsius();
            min[day] = counts[day] == 0 ? value : Math.min(min[day], value);
            max[day] = counts[day] == 0 ? value : Math.max(max[day], value);
            counts[day]++;
        }

        List<DailyTemperature> days = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            LocalDate date = month.atDay(i + 1);
            Instant dayStart = startOf(date, zone);
            Instant dayEnd = startOf(date.plusDays(1), zone);
            List<ExcursionRecord> thatDay = inMonth.stream()
                    .filter(e -> e.touches(dayStart, dayEnd, generatedAt))
                    .toList();
            days.add(new DailyTemperature(date, counts[i],
                    counts[i] == 0 ? null : celsius(min[i]), counts[i] == 0 ? null : celsius(max[i]), thatDay));
        }
        return new TemperatureLog(device, range, month, zone, generatedAt, List.copyOf(days), inMonth);
    }

    /** The log as CSV (layout: functions/README.md, "Temperature logs"). */
    public String toCsv() {
        return TemperatureLogCsv.render(this);
    }

    /** The first instant of a local day; on a day that starts in a DST gap, the first instant that exists. */
    static Instant startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** A temperature rounded half-up to 0.1 degC, as alerts and texts round it. */
    static BigDecimal celsius(double value) {
        return ThresholdTable.round(Metric.STORAGE_TEMPERATURE, value);
    }
}
