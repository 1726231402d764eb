package org.wardwatch.functions.core;

import org.wardwatch.model.tenant.FunctionConfigReader;
import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColdChainTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final StorageProfile FRIDGE = StorageProfile.defaults().get("vaccine_fridge");
    private static final StorageProfile FREEZER = StorageProfile.defaults().get("vaccine_freezer");

    /** Feeds (minutes after T0, temperature) readings and keeps what each step gave. */
    private static final class Fridge {
        final StorageProfile profile;
        AlertState alert = AlertState.INITIAL;
        Episode episode;
        final List<String> transitions = new ArrayList<>();
        final List<Excursion> logged = new ArrayList<>();
        int ids;

        Fridge(StorageProfile profile) {
            this.profile = profile;
        }

        ColdChain.Step at(double minutes, double celsius) {
            ColdChain.Step step = ColdChain.temperature(alert, episode, T0.plusSeconds((long) (minutes * 60)), celsius,
                    profile, ColdChainSettings.DEFAULTS, () -> "A" + (++ids));
            if (!step.late()) {
                alert = step.alert();
                episode = step.episode();
            }
            step.transition().ifPresent(t -> transitions.add(t.transition() + " " + t.severity()
                    + (t.transition() == Transition.RESOLVED ? " was " + t.previousSeverity() : "")));
            step.excursion().filter(e -> e.end() != null).ifPresent(logged::add);
            return step;
        }
    }

    @Test
    void shortExcursion_endsBeforeItsAlert_andIsStillRecorded() {
        Fridge fridge = new Fridge(FRIDGE);
        fridge.at(0, 5.0);
        fridge.at(5, 8.6);
        fridge.at(14, 9.9);
        fridge.at(16, 7.5);

        assertThat(fridge.transitions).isEmpty();
        assertThat(fridge.logged).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(T0.plusSeconds(300));
            assertThat(e.end()).isEqualTo(T0.plusSeconds(960));
            assertThat(e.duration()).isEqualTo(Duration.ofMinutes(11));
            assertThat(e.min()).isEqualTo(8.6);
            assertThat(e.max()).isEqualTo(9.9);
            assertThat(e.alertSent()).isFalse();
            assertThat(e.maxSeverity()).isEqualTo(Severity.NONE);
        });
    }

    @Test
    void longExcursion_opensAtFifteenMinutes_escalatesAtSixty_resolvesWithItsSummary() {
        Fridge fridge = new Fridge(FRIDGE);
        fridge.at(0, 8.5);
        fridge.at(14.99, 9.0);
        fridge.at(15, 9.4);
        fridge.at(59, 10.5);
        fridge.at(60, 11.2);
        fridge.at(61, 12.0);
        ColdChain.Step back = fridge.at(75, 6.0);

        assertThat(fridge.transitions).containsExactly("OPENED WARNING", "ESCALATED CRITICAL", "RESOLVED NONE was CRITICAL");
        assertThat(back.excursion()).get().satisfies(e -> {
            assertThat(e.duration()).isEqualTo(Duration.ofMinutes(75));
            assertThat(e.min()).isEqualTo(8.5);
            assertThat(e.max()).isEqualTo(12.0);
            assertThat(e.alertId()).isEqualTo("A1");
            assertThat(e.maxSeverity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(fridge.alert).isEqualTo(new AlertState(Severity.NONE, null, null, T0.plusSeconds(75 * 60)));
        assertThat(fridge.episode).isNull();
    }

    @Test
    void freezingFridge_isCriticalAtOnce_orEscalatesAWarning() {
        Fridge straight = new Fridge(FRIDGE);
        straight.at(0, 0.0);
        Fridge warm = new Fridge(FRIDGE);
        warm.at(0, 1.5);
        warm.at(20, 1.0);
        warm.at(25, -0.3);
        warm.at(30, 0.5);

        assertThat(straight.transitions).containsExactly("OPENED CRITICAL");
        assertThat(warm.transitions).containsExactly("OPENED WARNING", "ESCALATED CRITICAL");
    }

    @ParameterizedTest(name = "{0} C in a fridge: out of range = {1}")
    @CsvSource({"2.0, false", "1.95, false", "1.94, true", "8.0, false", "8.04, false", "8.05, true", "0.1, true"})
    void fridgeBounds_areInclusive_atOneDecimal(double celsius, boolean starts) {
        Fridge fridge = new Fridge(FRIDGE);

        assertThat(fridge.at(0, celsius).excursion().isPresent()).isEqualTo(starts);
        assertThat(fridge.transitions).isEmpty();
    }

    @ParameterizedTest(name = "{0} C in a fridge opens CRITICAL at once: {1}")
    @CsvSource({"0.0, true", "0.04, true", "0.05, false", "-5, true"})
    void freezingPoint_isInclusive(double celsius, boolean critical) {
        Fridge fridge = new Fridge(FRIDGE);
        fridge.at(0, celsius);

        assertThat(fridge.transitions).isEqualTo(critical ? List.of("OPENED CRITICAL") : List.of());
    }

    @Test
    void freezerAtZero_isAnOrdinaryExcursion_freezingIsNotItsHazard() {
        Fridge freezer = new Fridge(FREEZER);
        freezer.at(0, -20);
        freezer.at(1, 0.0);
        freezer.at(16, -10);

        assertThat(freezer.transitions).containsExactly("OPENED WARNING");
    }

    @Test
    void lateReading_changesNothing() {
        Fridge fridge = new Fridge(FRIDGE);
        fridge.at(10, 9.0);

        ColdChain.Step late = fridge.at(5, 5.0);

        assertThat(late.late()).isTrue();
        assertThat(fridge.episode).isNotNull();
        assertThat(fridge.logged).isEmpty();
    }

    @Test
    void doorLeftOpen_warnsAtFiveMinutes_andResolvesWhenClosed() {
        AlertState alert = AlertState.INITIAL;
        Episode period = null;
        List<String> seen = new ArrayList<>();
        double[] minutes = {0, 1, 5.99, 6, 7, 9};
        boolean[] open = {false, true, true, true, true, false};
        for (int i = 0; i < minutes.length; i++) {
            ColdChain.Step step = ColdChain.door(alert, period, T0.plusMillis((long) (minutes[i] * 60_000)), open[i],
                    ColdChainSettings.DEFAULTS, () -> "D1");
            alert = step.alert();
            period = step.episode();
            String at = " at " + minutes[i];
            step.transition().ifPresent(t -> seen.add(t.transition().name() + " " + t.routingSeverity() + at));
        }

        assertThat(seen).containsExactly("OPENED WARNING at 6.0", "RESOLVED WARNING at 9.0");
        assertThat(period).isNull();
    }

    @Test
    void doorOpenFiveMinutesExactly_opensTheWarning() {
        ColdChain.Step opened = ColdChain.door(AlertState.INITIAL, null, T0, true, ColdChainSettings.DEFAULTS, () -> "D");
        ColdChain.Step fiveLater = ColdChain.door(opened.alert(), opened.episode(), T0.plusSeconds(300), true,
                ColdChainSettings.DEFAULTS, () -> "D");

        assertThat(opened.transition()).isEmpty();
        assertThat(fiveLater.transition().map(AlertTransition::transition)).isEqualTo(Optional.of(Transition.OPENED));
    }

    @Test
    void tenantDelays_replaceTheDefaults() {
        ColdChainSettings quick = new ColdChainSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ZERO);
        ColdChain.Step start = ColdChain.temperature(AlertState.INITIAL, null, T0, 9, FRIDGE, quick, () -> "Q");
        ColdChain.Step five = ColdChain.temperature(start.alert(), start.episode(), T0.plusSeconds(300), 9, FRIDGE, quick,
                () -> "Q");

        assertThat(five.transition().map(AlertTransition::severity)).isEqualTo(Optional.of(Severity.WARNING));
    }

    @Test
    void tenantProfiles_areAddedToTheDefaults_andCheckedField_byField() {
        var profiles = FunctionConfigReader.parse(
                "{\"coldChain\": {\"storageProfiles\": {\"blood_fridge\": {\"min\": 2.0, \"max\": 6.0, \"freezeAtOrBelow\": 0.0}}}}",
                "tenant.json").storageProfiles();

        assertThat(profiles).containsKeys("vaccine_fridge", "vaccine_freezer", "ultra_low_freezer", "blood_fridge");
        assertThat(profiles.get("blood_fridge").contains(6.1)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FunctionConfigReader.parse(
                        "{\"coldChain\": {\"storageProfiles\": {\"blood_fridge\": {\"min\": 2.0}}}}", "tenant.json"))
                .hasMessage("invalid tenant configuration tenant.json:\n  coldChain.storageProfiles.blood_fridge.max: is required");
    }
}
