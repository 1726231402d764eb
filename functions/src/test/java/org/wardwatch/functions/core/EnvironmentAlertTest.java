package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.NONE;
import static org.wardwatch.model.alert.Severity.WARNING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.alert.Severity;

class EnvironmentAlertTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    /** Feeds (seconds after T0, observed severity) pairs and collects what was published. */
    private final class Room {
        AlertState alert = AlertState.INITIAL;
        Episode episode;
        final List<String> published = new ArrayList<>();

        Room at(long seconds, Severity observed) {
            ColdChain.Step step = EnvironmentAlert.evaluate(alert, episode, T0.plusSeconds(seconds), seconds,
                    observed, () -> "E1");
            step.transition().ifPresent(t -> published.add(seconds + " " + t.transition() + " " + t.severity()));
            alert = step.alert();
            episode = step.episode();
            return this;
        }
    }

    @Test
    void aConditionHeldExactly60Seconds_opensAnAlert() {
        assertThat(new Room().at(0, WARNING).at(60, WARNING).published).containsExactly("60 OPENED WARNING");
    }

    @Test
    void aConditionHeld59Seconds_opensNothing() {
        assertThat(new Room().at(0, WARNING).at(59, WARNING).published).isEmpty();
    }

    @Test
    void anInBandReadingBetween_startsTheWaitAgain() {
        Room room = new Room().at(0, WARNING).at(30, NONE).at(60, WARNING).at(119, WARNING);

        assertThat(room.published).isEmpty();
        assertThat(room.at(120, WARNING).published).containsExactly("120 OPENED WARNING");
    }

    @Test
    void aCriticalConditionHeld60Seconds_opensAtCritical() {
        assertThat(new Room().at(0, CRITICAL).at(30, CRITICAL).at(60, CRITICAL).published)
                .containsExactly("60 OPENED CRITICAL");
    }

    @Test
    void aWarningThatTurnsCritical_opensAtWarningOnTime_andEscalatesOnceCriticalWasHeld60Seconds() {
        assertThat(new Room().at(0, WARNING).at(30, CRITICAL).at(60, CRITICAL).at(89, CRITICAL).at(90, CRITICAL)
                .published).containsExactly("60 OPENED WARNING", "90 ESCALATED CRITICAL");
    }

    @Test
    void aMilderReadingBetween_startsTheEscalationsWaitAgain() {
        Room room = new Room().at(0, WARNING).at(60, WARNING).at(70, CRITICAL).at(100, WARNING).at(130, CRITICAL)
                .at(160, CRITICAL);

        assertThat(room.published).containsExactly("60 OPENED WARNING");
        assertThat(room.at(190, CRITICAL).published).containsExactly("60 OPENED WARNING", "190 ESCALATED CRITICAL");
    }

    @Test
    void aMilderOutOfBandReading_downgradesAtOnce_andAnInBandReadingResolvesAtOnce() {
        assertThat(new Room().at(0, CRITICAL).at(60, CRITICAL).at(61, WARNING).at(62, NONE).published)
                .containsExactly("60 OPENED CRITICAL", "61 DOWNGRADED WARNING", "62 RESOLVED NONE");
    }

    @Test
    void aResolvedCondition_waitsAgainBeforeReopening() {
        Room room = new Room().at(0, WARNING).at(60, WARNING).at(70, NONE).at(80, WARNING).at(139, WARNING);

        assertThat(room.published).containsExactly("60 OPENED WARNING", "70 RESOLVED NONE");
        assertThat(room.alert.alertId()).isNull();
        assertThat(room.at(140, WARNING).published).endsWith("140 OPENED WARNING");
    }

    @Test
    void aLateReading_changesNothing() {
        Room room = new Room().at(0, WARNING).at(60, WARNING);
        AlertState before = room.alert;
        Episode episode = room.episode;

        ColdChain.Step late = EnvironmentAlert.evaluate(before, episode, T0.plusSeconds(30), 1, NONE, () -> "E2");

        assertThat(late.late()).isTrue();
        assertThat(late.transition()).isEmpty();
        assertThat(late.alert()).isEqualTo(before);
        assertThat(late.episode()).isEqualTo(episode);
    }

    @Test
    void theConditionsStartAndCriticalStart_areKeptForTheNextReading() {
        Room room = new Room().at(0, WARNING).at(30, CRITICAL).at(45, CRITICAL);

        assertThat(room.episode.start()).isEqualTo(T0);
        assertThat(room.episode.criticalSince()).isEqualTo(T0.plusSeconds(30));
        assertThat(room.at(50, WARNING).episode.criticalSince()).isNull();
    }
}
