package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineStatsTest {

    @Test
    void steadyStateLatencies_leaveOutWhatWasPublishedBeforeTheCut() {
        PipelineStats stats = new PipelineStats();
        long cut = System.currentTimeMillis() - 1_000;

        stats.recordResult("{\"outcome\":\"ACCEPTED\",\"readingsStored\":2}", 5_000);
        stats.recordResult("{\"outcome\":\"ACCEPTED\",\"readingsStored\":2}", 40);
        stats.recordNotificationLatency(7_000);
        stats.recordNotificationLatency(60);

        assertThat(stats.storedLatencies()).containsExactly(5_000L, 40L);
        assertThat(stats.storedLatenciesPublishedFrom(cut)).containsExactly(40L);
        assertThat(stats.notificationLatenciesPublishedFrom(cut)).containsExactly(60L);
    }

    @Test
    void percentile_isNearestRank() {
        assertThat(PipelineStats.percentile(java.util.List.of(5L, 1L, 3L, 2L, 4L), 50)).isEqualTo(3);
        assertThat(PipelineStats.percentile(java.util.List.of(5L, 1L, 3L, 2L, 4L), 99)).isEqualTo(5);
        assertThat(PipelineStats.percentile(java.util.List.of(), 99)).isEqualTo(-1);
    }
}
