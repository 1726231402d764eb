package org.wardwatch.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.functions.core.ExcursionRecord;
import org.wardwatch.functions.core.LoggedTemperature;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.functions.lambda.StorageRecords;
import org.wardwatch.functions.lambda.TestTenant;

/** Key ranges and paging of the temperature log's queries, two items a page, on the emulator. */
class DynamoTemperatureLogSourceTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    private static DynamoTemperatureLogSource source;

    @BeforeAll
    static void records() {
        TestTenant tenant = TestTenant.provision(MotoServer.shared().endpoint());
        source = new DynamoTemperatureLogSource(tenant.dynamo, TestTenant.READINGS, 2);
        new StorageRecords(tenant.dynamo, "src-freezer-1", "Pharmacy")
                .temperature("2026-10-31T23:59:59.999Z", -20.0)
                .temperature("2026-11-01T00:00:00.000Z", -21.0)
                .door("2026-11-01T00:00:00.000Z", true)
                .door("2026-11-02T00:00:00.000Z", false)
                .temperature("2026-11-02T00:00:00.000Z", -22.0)
                .temperature("2026-11-03T00:00:00.000Z", -23.0)
                .temperature("2026-11-04T00:00:00.000Z", -24.0)
                .temperature("2026-11-30T23:59:59.999Z", -25.0)
                .temperature("2026-12-01T00:00:00.000Z", -26.0)
                .excursion("2026-10-20T10:00:00.000Z", "2026-10-20T11:00:00.000Z", -14.0, -12.0, "WARNING", null, null)
                .excursion("2026-10-31T23:00:00.000Z", "2026-11-01T01:00:00.000Z", -14.5, -10.0, "CRITICAL", "K7Q2XM4",
                        "Pharmacist")
                .excursion("2026-11-01T00:00:00.000Z", "2026-11-01T00:05:00.000Z", -14.9, -14.9, "NONE", null, null)
                .excursion("2026-11-05T00:00:00.000Z", "2026-11-05T00:05:00.000Z", -14.9, -14.9, "NONE", null, null)
                .excursion("2026-11-06T00:00:00.000Z", "2026-11-06T00:05:00.000Z", -14.9, -14.9, "NONE", null, null)
                .excursion("2026-11-30T23:59:59.999Z", null, -14.0, -14.0, "NONE", null, null)
                .excursion("2026-12-01T00:00:00.000Z", null, -14.0, -14.0, "NONE", null, null);
        new StorageRecords(tenant.dynamo, "src-freezer-2", "Pharmacy")
                .excursion("2026-10-31T20:00:00.000Z", "2026-10-31T21:00:00.000Z", -14.0, -13.0, "WARNING", null, null)
                .temperature("2026-11-10T00:00:00.000Z", -30.0);
    }

    @Test
    void temperatures_areTheMonthsStorageReadings_fromEveryPage() {
        assertThat(source.temperatures("src-freezer-1", FROM, TO)).containsExactly(
                new LoggedTemperature(Instant.parse("2026-11-01T00:00:00Z"), -21.0),
                new LoggedTemperature(Instant.parse("2026-11-02T00:00:00Z"), -22.0),
                new LoggedTemperature(Instant.parse("2026-11-03T00:00:00Z"), -23.0),
                new LoggedTemperature(Instant.parse("2026-11-04T00:00:00Z"), -24.0),
                new LoggedTemperature(Instant.parse("2026-11-30T23:59:59.999Z"), -25.0));
    }

    @Test
    void excursions_includeTheOneRunningIntoTheMonth_andThoseStartingInIt() {
        List<ExcursionRecord> excursions = source.excursions("src-freezer-1", FROM, TO);

        assertThat(excursions).extracting(ExcursionRecord::start).containsExactly(
                Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-11-06T00:00:00Z"),
                Instant.parse("2026-11-30T23:59:59.999Z"));
        assertThat(excursions.get(0)).isEqualTo(new ExcursionRecord(Instant.parse("2026-10-31T23:00:00Z"),
                Instant.parse("2026-11-01T01:00:00Z"), -14.5, -10.0, true, Severity.CRITICAL, "K7Q2XM4", "Pharmacist"));
        assertThat(excursions.get(4).isOpen()).isTrue();
    }

    @Test
    void excursionThatEndedBeforeTheMonth_isLeftOut() {
        assertThat(source.excursions("src-freezer-2", FROM, TO)).isEmpty();
        assertThat(source.temperatures("src-freezer-2", FROM, TO)).hasSize(1);
    }
}
