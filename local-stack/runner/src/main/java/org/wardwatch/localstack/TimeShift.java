package org.wardwatch.localstack;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.wardwatch.localstack.ReplayFile.Line;

/**
 * One offset, in whole seconds, that moves a replay file's times so that its latest time is now: a recorded file
 * of any date replays as if it had just been recorded (the function changes no alert on a reading more than
 * {@code maxReadingAgeMinutes} older than its receive time), and its lines keep their spacing. What is printed is
 * moved back, so notification lines carry the file's own times.
 */
record TimeShift(Duration offset) {

    static final TimeShift NONE = new TimeShift(Duration.ZERO);

    /**
     * The shift that makes the latest time of {@code lines} now: a reading line's device time, the {@code time} of
     * a declare, observation or ack line, a clock line's time ({@link ReplayFile#timeOf}).
     */
    static TimeShift toNow(List<Line> lines, Instant now) {
        Instant latest = null;
        for (Line line : lines) {
            Instant time = ReplayFile.timeOf(line);
            if (time != null && (latest == null || time.isAfter(latest))) {
                latest = time;
            }
        }
        if (latest == null) {
            return NONE;
        }
        return new TimeShift(Duration.between(latest.truncatedTo(ChronoUnit.SECONDS), now.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** A time of the file as published. */
    Instant published(Instant original) {
        return original.plus(offset);
    }

    /** A published time as the file had it. */
    Instant original(Instant published) {
        return published.minus(offset);
    }
}
