package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.functions.aws.DynamoDeviceRegistry;
import org.wardwatch.functions.aws.DynamoTemperatureLogSource;
import org.wardwatch.functions.core.TemperatureLog;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.functions.lambda.StorageRecords;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.functions.lambda.TestTenant;
import org.wardwatch.model.tenant.FunctionConfigReader;

/**
 * The monthly temperature log (functions/README.md, "Temperature logs") the staff API's
 * {@code GET /storage/{device}/temperature-log} serves, compiled by the service on the emulator's tables: a vaccine
 * fridge in October 2026 (Europe/London leaves BST on the 25th) with a gap, a door opening, an excursion that began
 * on 30 September, two on the 10th and one over the last midnight; the log of what the telemetry service itself
 * stored; and the requests it refuses, each with its own exception (the API answers them 400 or 404).
 */
class TemperatureLogServiceTest {

    static final Instant GENERATED_AT = Instant.parse("2026-11-02T09:00:00Z");

    private static TestTenant tenant;
    private static TemperatureLogService service;

    @BeforeAll
    static void aVaccineFridgesOctober() {
        tenant = TestTenant.provision(MotoServer.shared().endpoint());
        // built as the staff API builds it (StorageWiring): the tenant's storage profiles, the hospital's zone
        service = new TemperatureLogService(TestTenant.ID,
                new DynamoDeviceRegistry(tenant.dynamo, TestTenant.DEVICES, Duration.ZERO),
                new DynamoTemperatureLogSource(tenant.dynamo, TestTenant.READINGS),
                FunctionConfigReader.read(TestTenant.deliveryConfigFile()).storageProfiles(),
                ZoneId.of("Europe/London"), Clock.fixed(GENERATED_AT, ZoneOffset.UTC));
        tenant.registerDevice("pharm-fridge-1", "storage_sensor", "Pharmacy, Level 2", null, "ACTIVE", TestTenant.ID,
                "vaccine_fridge");
        new StorageRecords(tenant.dynamo, "pharm-fridge-1", "Pharmacy, Level 2")
                // an excursion long over, and the readings before the month
                .excursion("2026-09-12T10:00:00.000Z", "2026-09-12T10:30:00.000Z", 8.2, 8.8, "WARNING", "A1B2C3D", null)
                .temperature("2026-09-30T22:40:00.000Z", 5.2)
                // 23:50 BST on 30 September to 00:10 BST on 1 October
                .excursion("2026-09-30T22:50:00.000Z", "2026-09-30T23:10:00.000Z", 8.3, 8.6, "WARNING", "Q4M2X7A",
                        "Nurse in charge")
                .temperature("2026-09-30T22:50:00.000Z", 8.3)
                .temperature("2026-09-30T23:00:00.000Z", 8.6)
                .temperature("2026-09-30T23:10:00.000Z", 7.9)
                .temperature("2026-10-01T08:00:00.000Z", 4.25)
                .door("2026-10-01T08:00:00.000Z", true)
                .door("2026-10-01T08:03:00.000Z", false)
                .temperature("2026-10-01T20:00:00.000Z", 5.04)
                // nothing on 2 October
                .temperature("2026-10-10T08:00:00.000Z", 5.0)
                .excursion("2026-10-10T09:05:00.000Z", "2026-10-10T10:20:00.000Z", 8.44, 11.2, "CRITICAL", "K7Q2XM4",
                        "Pharmacist, J. Smith")
                .temperature("2026-10-10T09:05:00.000Z", 8.44)
                .temperature("2026-10-10T09:45:00.000Z", 11.2)
                .temperature("2026-10-10T10:20:00.000Z", 5.1)
                .excursion("2026-10-10T13:00:00.000Z", "2026-10-10T13:10:00.000Z", 1.8, 1.9, "NONE", null, null)
                .temperature("2026-10-10T13:00:00.000Z", 1.8)
                .temperature("2026-10-10T13:05:00.000Z", 1.9)
                .temperature("2026-10-10T13:10:00.000Z", 3.0)
                // 25 October: 00:30 BST, 01:30 BST, 01:30 GMT, 23:30 GMT
                .temperature("2026-10-24T23:30:00.000Z", 4.0)
                .temperature("2026-10-25T00:30:00.000Z", 4.1)
                .temperature("2026-10-25T01:30:00.000Z", 4.2)
                .temperature("2026-10-25T23:30:00.000Z", 4.3)
                // over the last midnight of the month
                .excursion("2026-10-31T23:40:00.000Z", "2026-11-01T00:20:00.000Z", 8.3, 9.0, "WARNING", "3H8D0QA", null)
                .temperature("2026-10-31T23:40:00.000Z", 8.3)
                .temperature("2026-10-31T23:50:00.000Z", 9.0)
                .temperature("2026-11-01T00:20:00.000Z", 6.0)
                // November's, still open
                .excursion("2026-11-01T06:00:00.000Z", null, 8.1, 8.1, "NONE", null, null);
    }

    @Test
    void monthlyLog_inTheHospitalsZone_isTheCsvAnInspectorGets() {
        TemperatureLog log = service.monthlyLog("pharm-fridge-1", "2026-10", null);

        assertThat(log.device().thingName()).isEqualTo("pharm-fridge-1");
        assertThat(log.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(log.toCsv()).isEqualTo(OCTOBER_IN_LONDON.replace("\n", "\r\n"));
    }

    @Test
    void monthlyLog_inAnotherZone_cutsTheDaysThere() {
        assertThat(service.monthlyLog("pharm-fridge-1", "2026-10", "UTC").toCsv())
                .contains("\r\n# time zone,UTC\r\n")
                .contains("\r\n2026-10-01,2,4.3,5.0,\r\n")
                .contains("\r\n2026-10-25,3,4.1,4.3,\r\n")
                .doesNotContain("Q4M2X7A");
    }

    /** A fridge's message through the telemetry service: a temperature and the door, closed. */
    private static void fridgeReports(MotoTelemetry moto, String thing, String messageId, String deviceTime,
                                      double celsius) {
        TelemetryResult result = moto.service().process(MotoTelemetry.envelope(thing), Telemetry.payload(messageId,
                deviceTime, Telemetry.reading("storage_temperature", celsius, "Cel")
                        + ",{\"metric\":\"door_open\",\"value\":false}").getBytes(StandardCharsets.UTF_8));
        assertThat(result.readingsStored()).isEqualTo(2);
    }

    /** The log of what the telemetry service wrote (not of seeded items): its readings and its excursion entry. */
    @Test
    void monthlyLog_ofWhatTheTelemetryServiceStored() {
        tenant.registerStorageSensor("tl-written-fridge", "Pharmacy", "vaccine_fridge");
        try (MotoTelemetry moto = new MotoTelemetry()) {
            fridgeReports(moto, "tl-written-fridge", "tw-1", "2026-11-24T09:00:00Z", 5.0);
            fridgeReports(moto, "tl-written-fridge", "tw-2", "2026-11-24T09:05:00Z", 9.0);
            fridgeReports(moto, "tl-written-fridge", "tw-3", "2026-11-24T09:20:00Z", 9.6);
            fridgeReports(moto, "tl-written-fridge", "tw-4", "2026-11-24T09:30:00Z", 6.0);
        }
        String alertId = StaffInbox.forDevice("tl-written-fridge").get(0).text("alertId");

        assertThat(service.monthlyLog("tl-written-fridge", "2026-11", "UTC").toCsv())
                .contains("\r\n2026-11-23,0,,,\r\n"
                        + "2026-11-24,4,5.0,9.6,\"09:05-09:30 (25 min, 9.0..9.6 C, alert WARNING)\"\r\n"
                        + "2026-11-25,0,,,\r\n")
                .endsWith("\r\n# excursions\r\n"
                        + "start,end,duration,min_c,max_c,alert_sent,max_severity,alert_id,acknowledged_by\r\n"
                        + "2026-11-24 09:05:00 +00:00,2026-11-24 09:30:00 +00:00,0:25:00,9.0,9.6,yes,WARNING,"
                        + alertId + ",\r\n");
    }

    @Test
    void unregisteredDevice_orNone_isRefused() {
        assertThatThrownBy(() -> service.monthlyLog("no-such-fridge", "2026-10", null))
                .isInstanceOf(UnknownDeviceException.class).hasMessageContaining("no-such-fridge");
        assertThatThrownBy(() -> service.monthlyLog(" ", "2026-10", null)).isInstanceOf(UnknownDeviceException.class);
    }

    @Test
    void deviceThatIsNotAStorageSensor_isRefused() {
        tenant.registerDevice("tl-oximeter", "pulse_oximeter", "ICU-5", "2");
        assertThatThrownBy(() -> service.monthlyLog("tl-oximeter", "2026-10", null))
                .isInstanceOf(NotAStorageSensorException.class);
    }

    @Test
    void deviceOfAnotherTenant_isRefused() {
        tenant.registerDevice("tl-foreign-fridge", "storage_sensor", "Pharmacy", null, "ACTIVE", "other-hospital",
                "vaccine_fridge");
        assertThatThrownBy(() -> service.monthlyLog("tl-foreign-fridge", "2026-10", null))
                .isInstanceOf(TenantMismatchException.class);
    }

    @Test
    void malformedOrMissingMonth_isRefused() {
        for (String month : new String[] {"2026-13", "October 2026", null}) {
            assertThatThrownBy(() -> service.monthlyLog("pharm-fridge-1", month, null)).as(month)
                    .isInstanceOf(MalformedMonthException.class);
        }
    }

    @Test
    void unknownTimeZone_isRefused() {
        assertThatThrownBy(() -> service.monthlyLog("pharm-fridge-1", "2026-10", "Europe/Atlantis"))
                .isInstanceOf(UnknownTimeZoneException.class);
    }

    private static final String OCTOBER_IN_LONDON = """
            # wardwatch monthly temperature log
            # device,pharm-fridge-1
            # ward,"Pharmacy, Level 2"
            # storage profile,vaccine_fridge
            # allowed range,2.0 to 8.0 C
            # month,2026-10
            # time zone,Europe/London
            # generated at,2026-11-02 09:00:00 +00:00

            date,readings,min_c,max_c,excursions
            2026-10-01,4,4.3,8.6,"30 Sep 23:50-00:10 (20 min, 8.3..8.6 C, alert WARNING)"
            2026-10-02,0,,,
            2026-10-03,0,,,
            2026-10-04,0,,,
            2026-10-05,0,,,
            2026-10-06,0,,,
            2026-10-07,0,,,
            2026-10-08,0,,,
            2026-10-09,0,,,
            2026-10-10,7,1.8,11.2,"10:05-11:20 (75 min, 8.4..11.2 C, alert CRITICAL); 14:00-14:10 (10 min, 1.8..1.9 C, no alert)"
            2026-10-11,0,,,
            2026-10-12,0,,,
            2026-10-13,0,,,
            2026-10-14,0,,,
            2026-10-15,0,,,
            2026-10-16,0,,,
            2026-10-17,0,,,
            2026-10-18,0,,,
            2026-10-19,0,,,
            2026-10-20,0,,,
            2026-10-21,0,,,
            2026-10-22,0,,,
            2026-10-23,0,,,
            2026-10-24,0,,,
            2026-10-25,4,4.0,4.3,
            2026-10-26,0,,,
            2026-10-27,0,,,
            2026-10-28,0,,,
            2026-10-29,0,,,
            2026-10-30,0,,,
            2026-10-31,2,8.3,9.0,"23:40-1 Nov 00:20 (40 min, 8.3..9.0 C, alert WARNING)"

            # excursions
            start,end,duration,min_c,max_c,alert_sent,max_severity,alert_id,acknowledged_by
            2026-09-30 23:50:00 +01:00,2026-10-01 00:10:00 +01:00,0:20:00,8.3,8.6,yes,WARNING,Q4M2X7A,Nurse in charge
            2026-10-10 10:05:00 +01:00,2026-10-10 11:20:00 +01:00,1:15:00,8.4,11.2,yes,CRITICAL,K7Q2XM4,"Pharmacist, J. Smith"
            2026-10-10 14:00:00 +01:00,2026-10-10 14:10:00 +01:00,0:10:00,1.8,1.9,no,NONE,,
            2026-10-31 23:40:00 +00:00,2026-11-01 00:20:00 +00:00,0:40:00,8.3,9.0,yes,WARNING,3H8D0QA,
            """;
}
