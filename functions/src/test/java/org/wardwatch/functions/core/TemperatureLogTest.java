package org.wardwatch.functions.core;

import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemperatureLogTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final StorageProfile FRIDGE = StorageProfile.defaults().get("vaccine_fridge");

    private static Device fridge(String ward) {
        return new Device("pharm-fridge-1", "st-elsewhere", DeviceKind.STORAGE_SENSOR, ward, null, "vaccine_fridge",
                null, true);
    }

    private static LoggedTemperature reading(String utc, double celsius) {
        return new LoggedTemperature(Instant.parse(utc), celsius);
    }

    private static ExcursionRecord excursion(String startUtc, String endUtc, double min, double max,
                                             Severity severity, String acknowledgedBy) {
        return new ExcursionRecord(Instant.parse(startUtc), endUtc == null ? null : Instant.parse(endUtc), min, max,
                severity.isAlert(), severity, severity.isAlert() ? "K7Q2XM4" : null, acknowledgedBy);
    }

    private static TemperatureLog log(String month, ZoneId zone, String generatedAtUtc, List<LoggedTemperature> readings,
                                      List<ExcursionRecord> excursions) {
        return TemperatureLog.compile(fridge("Pharmacy"), FRIDGE, YearMonth.parse(month), zone,
                Instant.parse(generatedAtUtc), readings, excursions);
    }

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    @Test
    void csv_hasHeaderDaysAndExcursions_inTheDocumentedLayout() {
        TemperatureLog log = log("2026-02", LONDON, "2026-03-01T09:00:00Z",
                List.of(reading("2026-02-01T08:00:00Z", 4.25), reading("2026-02-01T20:00:00Z", 5.04),
                        reading("2026-02-03T09:00:00Z", 4.95), reading("2026-02-03T10:30:00Z", 8.44),
                        reading("2026-02-03T11:00:00Z", 11.2)),
                List.of(new ExcursionRecord(Instant.parse("2026-02-03T10:05:00Z"), Instant.parse("2026-02-03T11:20:00Z"),
                        8.44, 11.2, true, Severity.CRITICAL, "K7Q2XM4", "Pharmacist on duty")));

        assertThat(log.toCsv()).isEqualTo(crlf("""
                # wardwatch monthly temperature log
                # device,pharm-fridge-1
                # ward,Pharmacy
                # storage profile,vaccine_fridge
                # allowed range,2.0 to 8.0 C
                # month,2026-02
                # time zone,Europe/London
                # generated at,2026-03-01 09:00:00 +00:00

                date,readings,min_c,max_c,excursions
                2026-02-01,2,4.3,5.0,
                2026-02-02,0,,,
                2026-02-03,3,5.0,11.2,"10:05-11:20 (75 min, 8.4..11.2 C, alert CRITICAL)"
                2026-02-04,0,,,
                2026-02-05,0,,,
                2026-02-06,0,,,
                2026-02-07,0,,,
                2026-02-08,0,,,
                2026-02-09,0,,,
                2026-02-10,0,,,
                2026-02-11,0,,,
                2026-02-12,0,,,
                2026-02-13,0,,,
                2026-02-14,0,,,
                2026-02-15,0,,,
                2026-02-16,0,,,
                2026-02-17,0,,,
                2026-02-18,0,,,
                2026-02-19,0,,,
                2026-02-20,0,,,
                2026-02-21,0,,,
                2026-02-22,0,,,
                2026-02-23,0,,,
                2026-02-24,0,,,
                2026-02-25,0,,,
                2026-02-26,0,,,
                2026-02-27,0,,,
                2026-02-28,0,,,

                # excursions
                start,end,duration,min_c,max_c,alert_sent,max_severity,alert_id,acknowledged_by
                2026-02-03 10:05:00 +00:00,2026-02-03 11:20:00 +00:00,1:15:00,8.4,11.2,yes,CRITICAL,K7Q2XM4,Pharmacist on duty
                """));
    }

    @Test
    void days_areTheHospitalsLocalDays_includingThe25HourDayTheClocksGoBack() {
        // Europe/London leaves BST (UTC+1) for GMT at 01:00 UTC on Sunday 25 October 2026.
        List<LoggedTemperature> readings = List.of(
                reading("2026-09-30T22:59:59.999Z", 5.0), // 23:59 BST on 30 September: not October's
                reading("2026-09-30T23:00:00Z", 5.1),     // 00:00 BST on 1 October
                reading("2026-10-24T22:59:00Z", 5.2),     // 23:59 BST on 24 October
                reading("2026-10-24T23:00:00Z", 5.3),     // 00:00 BST on 25 October
                reading("2026-10-25T00:30:00Z", 5.4),     // 01:30 BST
                reading("2026-10-25T01:30:00Z", 5.5),     // 01:30 GMT, the second one
                reading("2026-10-25T23:59:00Z", 5.6),     // 23:59 GMT, still 25 October
                reading("2026-10-26T00:00:00Z", 5.7),     // 26 October
                reading("2026-10-31T23:59:59.999Z", 5.8), // last instant of October
                reading("2026-11-01T00:00:00Z", 5.9));    // November's

        TemperatureLog london = log("2026-10", LONDON, "2026-11-02T09:00:00Z", readings, List.of());
        TemperatureLog utc = log("2026-10", ZoneOffset.UTC, "2026-11-02T09:00:00Z", readings, List.of());

        assertThat(london.days()).hasSize(31);
        assertThat(london.days().get(0)).satisfies(d -> {
            assertThat(d.readings()).isEqualTo(1);
            assertThat(d.minCelsius()).isEqualByComparingTo("5.1");
        });
        assertThat(london.days().get(23).readings()).isEqualTo(1);
        assertThat(london.days().get(24)).satisfies(d -> {
            assertThat(d.readings()).isEqualTo(4);
            assertThat(d.minCelsius()).isEqualByComparingTo("5.3");
            assertThat(d.maxCelsius()).isEqualByComparingTo("5.6");
        });
        assertThat(london.days().get(25).readings()).isEqualTo(1);
        assertThat(london.days().get(30).maxCelsius()).isEqualByComparingTo("5.8");
        assertThat(london.days().stream().mapToInt(DailyTemperature::readings).sum()).isEqualTo(8);

        assertThat(utc.days().get(0).readings()).isZero();
        assertThat(utc.days().get(23).readings()).isEqualTo(2);
        assertThat(utc.days().get(24).readings()).isEqualTo(3);
        assertThat(utc.days().stream().mapToInt(DailyTemperature::readings).sum()).isEqualTo(7);
    }

    @Test
    void minAndMax_areRoundedHalfUpToATenth_awayFromZeroForFreezers() {
        TemperatureLog log = log("2026-11", ZoneOffset.UTC, "2026-12-01T00:00:00Z",
                List.of(reading("2026-11-02T01:00:00Z", 4.25), reading("2026-11-02T02:00:00Z", 7.949),
                        reading("2026-11-03T01:00:00Z", -20.05), reading("2026-11-03T02:00:00Z", -15.04)),
                List.of());

        DailyTemperature fridgeDay = log.days().get(1);
        DailyTemperature freezerDay = log.days().get(2);
        assertThat(fridgeDay.minCelsius()).isEqualTo(new BigDecimal("4.3"));
        assertThat(fridgeDay.maxCelsius()).isEqualTo(new BigDecimal("7.9"));
        assertThat(freezerDay.minCelsius()).isEqualTo(new BigDecimal("-20.1"));
        assertThat(freezerDay.maxCelsius()).isEqualTo(new BigDecimal("-15.0"));
        assertThat(log.toCsv()).contains("\r\n2026-11-02,2,4.3,7.9,\r\n", "\r\n2026-11-03,2,-20.1,-15.0,\r\n");
    }

    @Test
    void dayWithoutReadings_keepsItsRow_withEmptyMinAndMax() {
        TemperatureLog log = log("2026-11", ZoneOffset.UTC, "2026-12-01T00:00:00Z",
                List.of(reading("2026-11-03T12:00:00Z", 5.0)), List.of());

        assertThat(log.days()).hasSize(30);
        assertThat(log.days().get(0)).isEqualTo(new DailyTemperature(LocalDate.parse("2026-11-01"), 0,
                null, null, List.of()));
        assertThat(log.toCsv()).contains("\r\n2026-11-01,0,,,\r\n2026-11-02,0,,,\r\n2026-11-03,1,5.0,5.0,\r\n")
                .contains("\r\n2026-11-30,0,,,\r\n");
    }

    @Test
    void excursionOverMidnight_appearsOnBothDays_withTheDateOfTheEndOnTheOtherDay() {
        ExcursionRecord overnight = excursion("2026-11-10T23:40:00Z", "2026-11-11T00:20:00Z", 8.3, 9.0,
                Severity.WARNING, null);

        TemperatureLog log = log("2026-11", LONDON, "2026-12-01T00:00:00Z", List.of(), List.of(overnight));

        assertThat(log.days().get(9).excursions()).containsExactly(overnight);
        assertThat(log.days().get(10).excursions()).containsExactly(overnight);
        assertThat(log.days().get(11).excursions()).isEmpty();
        assertThat(log.toCsv())
                .contains("\r\n2026-11-10,0,,,\"23:40-11 Nov 00:20 (40 min, 8.3..9.0 C, alert WARNING)\"\r\n")
                .contains("\r\n2026-11-11,0,,,\"10 Nov 23:40-00:20 (40 min, 8.3..9.0 C, alert WARNING)\"\r\n");
    }

    @Test
    void excursionFromThePreviousMonth_isInTheLog_whileOneThatEndedAtMonthStartIsNot() {
        ExcursionRecord runsIn = excursion("2026-10-31T23:50:00Z", "2026-11-01T00:10:00Z", 8.2, 8.6,
                Severity.NONE, null);
        ExcursionRecord endedAtMidnight = excursion("2026-10-31T22:00:00Z", "2026-11-01T00:00:00Z", 8.1, 8.9,
                Severity.CRITICAL, null);
        ExcursionRecord nextMonth = excursion("2026-12-01T00:00:00Z", "2026-12-01T00:30:00Z", 8.1, 8.9,
                Severity.WARNING, null);

        TemperatureLog log = log("2026-11", LONDON, "2026-12-02T00:00:00Z", List.of(),
                List.of(nextMonth, runsIn, endedAtMidnight));

        assertThat(log.excursions()).containsExactly(runsIn);
        assertThat(log.days().get(0).excursions()).containsExactly(runsIn);
        assertThat(log.toCsv())
                .contains("\r\n2026-11-01,0,,,\"31 Oct 23:50-00:10 (20 min, 8.2..8.6 C, no alert)\"\r\n")
                .endsWith("\r\n2026-10-31 23:50:00 +00:00,2026-11-01 00:10:00 +00:00,0:20:00,8.2,8.6,no,NONE,,\r\n");
    }

    @Test
    void openExcursion_lastsUntilTheLogIsGenerated() {
        ExcursionRecord open = excursion("2026-11-20T10:00:00Z", null, 8.5, 12.3, Severity.CRITICAL, null);

        TemperatureLog log = log("2026-11", ZoneOffset.UTC, "2026-11-22T12:00:00Z", List.of(), List.of(open));

        assertThat(log.days().subList(19, 22)).allSatisfy(d -> assertThat(d.excursions()).containsExactly(open));
        assertThat(log.days().get(22).excursions()).isEmpty();
        assertThat(log.toCsv())
                .contains("\r\n2026-11-20,0,,,\"10:00-ongoing (open, 8.5..12.3 C, alert CRITICAL)\"\r\n")
                .contains("\r\n2026-11-21,0,,,\"20 Nov 10:00-ongoing (open, 8.5..12.3 C, alert CRITICAL)\"\r\n")
                .endsWith("\r\n2026-11-20 10:00:00 +00:00,ongoing,,8.5,12.3,yes,CRITICAL,K7Q2XM4,\r\n");
    }

    @Test
    void twoExcursionsOnOneDay_areListedInOrderOfStart() {
        ExcursionRecord later = excursion("2026-11-05T14:00:00Z", "2026-11-05T14:00:40Z", 8.1, 8.1, Severity.NONE, null);
        ExcursionRecord earlier = excursion("2026-11-05T09:00:00Z", "2026-11-05T09:20:00Z", 1.2, 1.9,
                Severity.WARNING, null);

        TemperatureLog log = log("2026-11", ZoneOffset.UTC, "2026-12-01T00:00:00Z", List.of(), List.of(later, earlier));

        assertThat(log.toCsv()).contains("\r\n2026-11-05,0,,,\"09:00-09:20 (20 min, 1.2..1.9 C, alert WARNING); "
                + "14:00-14:00 (40 s, 8.1..8.1 C, no alert)\"\r\n");
    }

    @Test
    void registryAndStaffText_isQuotedPerRfc4180_andCannotBecomeASpreadsheetFormula() {
        TemperatureLog log = TemperatureLog.compile(fridge("Pharmacy, \"North\" wing"), FRIDGE,
                YearMonth.parse("2026-11"), ZoneOffset.UTC, Instant.parse("2026-12-01T00:00:00Z"), List.of(),
                List.of(excursion("2026-11-05T09:00:00Z", "2026-11-05T09:20:00Z", 1.2, 1.9, Severity.WARNING,
                        "=HYPERLINK(\"http://x\")")));

        assertThat(log.toCsv())
                .contains("\r\n# ward,\"Pharmacy, \"\"North\"\" wing\"\r\n")
                .endsWith(",K7Q2XM4,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
    }

    @Test
    void profileWithoutKnownRange_saysSoInsteadOfGuessing() {
        Device device = new Device("lab-fridge-9", "st-elsewhere", DeviceKind.STORAGE_SENSOR, "Lab", null,
                "blood_bank", null, true);

        String csv = TemperatureLog.compile(device, StorageProfile.defaults().get("blood_bank"),
                YearMonth.parse("2026-11"), ZoneOffset.UTC, Instant.parse("2026-12-01T00:00:00Z"), List.of(),
                List.of()).toCsv();

        assertThat(csv).contains("\r\n# storage profile,blood_bank\r\n# allowed range,not known\r\n");
    }

    @Test
    void freezerRange_isPrintedWithItsSigns() {
        String csv = TemperatureLog.compile(fridge("Pharmacy"), StorageProfile.defaults().get("ultra_low_freezer"),
                YearMonth.parse("2026-11"), ZoneOffset.UTC, Instant.parse("2026-12-01T00:00:00Z"), List.of(),
                List.of()).toCsv();
        assertThat(csv).contains("\r\n# allowed range,-90.0 to -60.0 C\r\n");
    }
}
