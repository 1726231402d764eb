package org.wardwatch.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instant a scheduled check runs at: the event's time, within a minute after the clock; else the clock. */
class ScheduledTimeTest {

    private static final Instant CLOCK = Instant.parse("2026-11-20T10:05:30Z");

    private static Map<String, Object> event(Object time) {
        Map<String, Object> event = new HashMap<>(Map.of("source", "aws.events", "detail-type", "Scheduled Event"));
        event.put("time", time);
        return event;
    }

    @Test
    void anEventWithoutTime_orNoEventAtAll_runsAtTheClock() {
        assertThat(ScheduledTime.of(Map.of("source", "local-stack schedule"), CLOCK)).isEqualTo(CLOCK);
        assertThat(ScheduledTime.of(null, CLOCK)).isEqualTo(CLOCK);
    }

    @Test
    void anEventsTime_inThePastOrUpToAMinuteAhead_isTheInstant() {
        assertThat(ScheduledTime.of(event("2026-11-20T09:00:00Z"), CLOCK))
                .isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(ScheduledTime.of(event("2026-11-20T10:06:30Z"), CLOCK))
                .as("exactly a minute ahead").isEqualTo(Instant.parse("2026-11-20T10:06:30Z"));
    }

    @Test
    void aTimeMoreThanAMinuteAhead_isRefusedInOneLine() {
        assertThatThrownBy(() -> ScheduledTime.of(event("2026-11-20T10:06:31Z"), CLOCK))
                .isInstanceOf(ScheduledTime.InvalidEventException.class)
                .hasMessage("the event's time 2026-11-20T10:06:31Z is more than a minute after the clock "
                        + "(2026-11-20T10:05:30Z): a check does not run in the future");
    }

    @Test
    void aTimeThatIsNotAnIsoInstant_isRefusedInOneLine_withoutRepeatingIt() {
        for (Object bad : new Object[] {"2026-11-20 10:05", "", 1763633130L, Map.of("t", 1)}) {
            assertThatThrownBy(() -> ScheduledTime.of(event(bad), CLOCK)).as(String.valueOf(bad))
                    .isInstanceOf(ScheduledTime.InvalidEventException.class)
                    .hasMessage("the event's time must be an ISO-8601 UTC time such as 2026-11-20T10:05:00Z");
        }
    }
}
