package org.wardwatch.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SortableTimeTest {

    @Test
    void timesAreWrittenToTheMillisecond_atOneWidth_soThatTheySortAsTimesDo() {
        String whole = SortableTime.format(Instant.parse("2026-11-20T10:00:00Z"));
        String half = SortableTime.format(Instant.parse("2026-11-20T10:00:00.5Z"));
        String micro = SortableTime.format(Instant.parse("2026-11-20T10:00:00.000999Z"));

        assertThat(whole).isEqualTo("2026-11-20T10:00:00.000Z");
        assertThat(half).isEqualTo("2026-11-20T10:00:00.500Z");
        assertThat(micro).as("below the millisecond is cut").isEqualTo(whole);
        assertThat(whole.compareTo(half)).isNegative();
        assertThat(Instant.parse("2026-11-20T10:00:00Z").toString().compareTo("2026-11-20T10:00:00.5Z"))
                .as("what the ISO form alone would do").isPositive();
    }
}
