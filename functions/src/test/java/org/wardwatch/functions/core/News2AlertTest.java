package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.NONE;
import static org.wardwatch.model.alert.Severity.WARNING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.news2.News2Response;
import org.wardwatch.model.news2.News2Score;

class News2AlertTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration RESOLVE = Duration.ofSeconds(60);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A score built directly (scoring is News2's): 0-4 low, 5-6 medium, 7+ high. */
    private static News2Score score(int total) {
        News2Response band = total >= 7 ? News2Response.HIGH : total >= 5 ? News2Response.MEDIUM : News2Response.LOW;
        return new News2Score(total, Map.of(), Set.of(), band);
    }

    /** One bed's NEWS2 alert, evaluated score by score; alert ids A1, A2, ... */
    private static final class Bed {
        News2State state = News2State.INITIAL;
        final List<AlertTransition> published = new ArrayList<>();
        final Duration resolve;
        int ids;

        Bed(Duration resolve) {
            this.resolve = resolve;
        }

        Bed() {
            this(RESOLVE);
        }

        News2Alert.Step score(int total, long seconds) {
            return apply(News2Alert.evaluate(state, News2AlertTest.score(total), at(seconds), resolve,
                    () -> "A" + (++ids)));
        }

        News2Alert.Step apply(News2Alert.Step step) {
            state = step.state();
            step.transition().ifPresent(published::add);
            return step;
        }

        List<Transition> transitions() {
            return published.stream().map(AlertTransition::transition).toList();
        }

        AlertTransition last() {
            return published.get(published.size() - 1);
        }
    }

    @Test
    void aMediumScore_opensAWarningAtOnce_withANewIdOpenedThen() {
        Bed bed = new Bed();
        bed.score(2, 0);
        News2Alert.Step step = bed.score(5, 30);

        assertThat(step.transition()).contains(new AlertTransition(Transition.OPENED, "A1", WARNING, NONE, at(30),
                at(30)));
        assertThat(bed.state).isEqualTo(new News2State(WARNING, "A1", at(30), at(0), null, at(30), 5));
    }

    @Test
    void aHighScore_opensACriticalAtOnce() {
        Bed bed = new Bed();
        bed.score(8, 0);

        assertThat(bed.last()).isEqualTo(new AlertTransition(Transition.OPENED, "A1", CRITICAL, NONE, at(0), at(0)));
    }

    @Test
    void aSingleParameterThree_opensAWarning() {
        Bed bed = new Bed();
        News2Alert.Step step = bed.apply(News2Alert.evaluate(bed.state,
                new News2Score(3, Map.of(), Set.of(), News2Response.LOW_MEDIUM), at(0), RESOLVE, () -> "L1"));

        assertThat(step.transition()).map(AlertTransition::severity).contains(WARNING);
    }

    @Test
    void aWarningReachingSeven_escalatesAtOnce_keepingItsIdAndOpeningTime() {
        Bed bed = new Bed();
        bed.score(5, 0);
        bed.score(7, 10);

        assertThat(bed.last()).isEqualTo(new AlertTransition(Transition.ESCALATED, "A1", CRITICAL, WARNING, at(0),
                at(10)));
    }

    @Test
    void aChangeOfScoreWithinTheSameBand_sendsNothing_butTheStateKeepsTheNewTotal() {
        Bed bed = new Bed();
        bed.score(7, 0);
        News2Alert.Step higher = bed.score(9, 20);
        News2Alert.Step lower = bed.score(8, 40);

        assertThat(higher.transition()).isEmpty();
        assertThat(lower.transition()).isEmpty();
        assertThat(bed.state.total()).isEqualTo(8);
        assertThat(bed.state.evaluatedAt()).isEqualTo(at(40));
        assertThat(bed.transitions()).containsExactly(Transition.OPENED);
    }

    @Test
    void aLowScoreWithoutAnAlert_opensNothing_butIsRemembered() {
        Bed bed = new Bed();
        News2Alert.Step step = bed.score(3, 0);

        assertThat(step.transition()).isEmpty();
        assertThat(bed.state).isEqualTo(new News2State(NONE, null, null, at(0), at(0), at(0), 3));
    }

    @Test
    void aCritical_downgradesOnlyOnceAMilderBandHasHeldSixtySeconds() {
        Bed bed = new Bed();
        bed.score(8, 0);
        bed.score(5, 10);
        News2Alert.Step at59 = bed.score(6, 69);
        News2Alert.Step at60 = bed.score(5, 70);

        assertThat(at59.transition()).isEmpty();
        assertThat(at60.transition()).contains(new AlertTransition(Transition.DOWNGRADED, "A1", WARNING, CRITICAL,
                at(0), at(70)));
        assertThat(bed.state.severity()).isEqualTo(WARNING);
        assertThat(bed.state.alertId()).isEqualTo("A1");
    }

    @Test
    void aWarning_resolvesOnlyOnceNoBandHasHeldSixtySeconds() {
        Bed bed = new Bed();
        bed.score(5, 0);
        bed.score(2, 100);
        News2Alert.Step at59 = bed.score(1, 159);
        News2Alert.Step at60 = bed.score(2, 160);

        assertThat(at59.transition()).isEmpty();
        assertThat(at60.transition()).contains(new AlertTransition(Transition.RESOLVED, "A1", NONE, WARNING, at(0),
                at(160)));
        assertThat(bed.state).isEqualTo(new News2State(NONE, null, null, at(0), at(100), at(160), 2));
    }

    @Test
    void aCriticalWhoseScoreDropsStraightToLow_resolvesWithoutDowngradingFirst() {
        Bed bed = new Bed();
        bed.score(9, 0);
        bed.score(2, 10);
        bed.score(2, 70);

        assertThat(bed.transitions()).containsExactly(Transition.OPENED, Transition.RESOLVED);
        assertThat(bed.last().previousSeverity()).isEqualTo(CRITICAL);
    }

    @Test
    void aCriticalThatFallsToMediumThenLow_downgradesWhenTheMilderRunHasHeld_thenResolves() {
        Bed bed = new Bed();
        bed.score(8, 0);
        bed.score(5, 10);
        bed.score(2, 40);
        bed.score(2, 70);
        bed.score(2, 100);

        assertThat(bed.transitions()).containsExactly(Transition.OPENED, Transition.DOWNGRADED, Transition.RESOLVED);
        assertThat(bed.published.get(1).deviceTime()).isEqualTo(at(70));
        assertThat(bed.last().deviceTime()).isEqualTo(at(100));
    }

    @Test
    void aScoreBackInTheBandBeforeTheMilderOneHeld_restartsTheRun() {
        Bed bed = new Bed();
        bed.score(5, 0);
        bed.score(2, 10);
        bed.score(5, 50);
        bed.score(2, 60);
        News2Alert.Step step = bed.score(2, 110);

        assertThat(step.transition()).isEmpty();
        assertThat(bed.state.normalSince()).isEqualTo(at(60));
        assertThat(bed.transitions()).containsExactly(Transition.OPENED);
    }

    @Test
    void afterResolving_theNextEpisodeGetsANewId() {
        Bed bed = new Bed();
        bed.score(5, 0);
        bed.score(0, 10);
        bed.score(0, 70);
        bed.score(6, 80);

        assertThat(bed.transitions()).containsExactly(Transition.OPENED, Transition.RESOLVED, Transition.OPENED);
        assertThat(bed.last().alertId()).isEqualTo("A2");
        assertThat(bed.last().openedAt()).isEqualTo(at(80));
    }

    @Test
    void withResolveZero_theFirstMilderScoreDowngradesOrResolves() {
        Bed bed = new Bed(Duration.ZERO);
        bed.score(8, 0);
        bed.score(6, 10);
        bed.score(1, 20);

        assertThat(bed.transitions()).containsExactly(Transition.OPENED, Transition.DOWNGRADED, Transition.RESOLVED);
    }

    @Test
    void anEvaluationEarlierThanTheLatest_isTakenAtTheLatest() {
        Bed bed = new Bed();
        bed.score(2, 100);
        News2Alert.Step step = bed.score(8, 40);

        assertThat(step.transition()).contains(new AlertTransition(Transition.OPENED, "A1", CRITICAL, NONE, at(100),
                at(100)));
        assertThat(bed.state.evaluatedAt()).isEqualTo(at(100));
    }

    @Test
    void anEarlierClock_cannotMakeAMilderBandHoldLonger() {
        Bed bed = new Bed();
        bed.score(5, 0);
        bed.score(2, 100);
        News2Alert.Step step = bed.score(2, 30);

        assertThat(step.transition()).isEmpty();
        assertThat(bed.state.normalSince()).isEqualTo(at(100));
        assertThat(bed.state.evaluatedAt()).isEqualTo(at(100));
    }

    @Test
    void aDischarge_resolvesTheOpenAlertAsDischarged_andRestartsTheState() {
        Bed bed = new Bed();
        bed.score(8, 0);
        News2Alert.Step step = bed.apply(News2Alert.discharge(bed.state, at(30)));

        assertThat(step.transition()).contains(new AlertTransition(Transition.RESOLVED, "A1", NONE, CRITICAL, at(0),
                at(30), AlertTransition.DISCHARGED));
        assertThat(step.state()).isEqualTo(News2State.INITIAL);
    }

    @Test
    void aDischargeWithNoAlertOpen_sendsNothing_andRestartsTheState() {
        Bed bed = new Bed();
        bed.score(3, 0);
        News2Alert.Step step = News2Alert.discharge(bed.state, at(30));

        assertThat(step.transition()).isEmpty();
        assertThat(step.state()).isEqualTo(News2State.INITIAL);
    }
}
