package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The abbreviations are java.time's (CLDR, English) and pinned here: a JDK that changed them would fail this. */
class StaffTimeTest {

    private static final Instant WINTER = Instant.parse("2026-01-15T14:05:00Z");
    private static final Instant SUMMER = Instant.parse("2026-07-15T14:05:00Z");

    @Test
    void london_readsGmtInWinter_andBstInSummer() {
        assertThat(StaffTime.clock(WINTER, ZoneId.of("Europe/London"))).isEqualTo("14:05 GMT");
        assertThat(StaffTime.clock(SUMMER, ZoneId.of("Europe/London"))).isEqualTo("15:05 BST");
    }

    @Test
    void berlin_readsCetInWinter_andCestInSummer() {
        assertThat(StaffTime.clock(WINTER, ZoneId.of("Europe/Berlin"))).isEqualTo("15:05 CET");
        assertThat(StaffTime.clock(SUMMER, ZoneId.of("Europe/Berlin"))).isEqualTo("16:05 CEST");
    }

    @Test
    void utc_readsUtc_andNeverZ() {
        assertThat(StaffTime.clock(WINTER, ZoneId.of("UTC"))).isEqualTo("14:05 UTC");
        assertThat(StaffTime.clock(WINTER, ZoneOffset.UTC)).isEqualTo("14:05 UTC");
        assertThat(StaffTime.full(WINTER, ZoneOffset.UTC)).isEqualTo("15 Jan 2026 14:05:00 UTC");
    }

    @Test
    void theClocksChange_between0059And0100Utc_onTheLastSundayOfMarch() {
        ZoneId london = ZoneId.of("Europe/London");

        assertThat(StaffTime.clock(Instant.parse("2026-03-29T00:59:00Z"), london)).isEqualTo("00:59 GMT");
        assertThat(StaffTime.clock(Instant.parse("2026-03-29T01:00:00Z"), london)).isEqualTo("02:00 BST");
    }

    @Test
    void aTimeOnAnotherLocalDay_carriesItsDate() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant now = Instant.parse("2026-11-25T08:00:00Z");

        assertThat(StaffTime.clockSince(Instant.parse("2026-11-25T00:00:00Z"), now, london)).isEqualTo("00:00 GMT");
        assertThat(StaffTime.clockSince(Instant.parse("2026-11-24T23:59:00Z"), now, london))
                .isEqualTo("24 Nov 23:59 GMT");
    }

    @Test
    void aZoneWithoutAnEnglishAbbreviation_readsAsItsOffset_andNoTimeReadsUnknown() {
        assertThat(StaffTime.clock(WINTER, ZoneOffset.ofHours(3))).isEqualTo("17:05 +03:00");
        assertThat(StaffTime.full(null, ZoneId.of("Europe/London"))).isEqualTo("unknown");
    }
}
