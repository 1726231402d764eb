package org.wardwatch.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {

    private final ConcurrentWrites concurrently = new ConcurrentWrites();

    @Test
    void callsRunAtTheSameTime_andResultsKeepTheirOrder() {
        int calls = ConcurrentWrites.WORKERS + 1;
        CountDownLatch allStarted = new CountDownLatch(calls);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int n = i;
            work.add(() -> {
                allStarted.countDown();
                // one at a time, the first call would wait here in vain
                return allStarted.await(10, TimeUnit.SECONDS) ? n : -1;
            });
        }

        assertThat(concurrently.all(work)).containsExactly(0, 1, 2, 3, 4);
    }

    /**
     * The interleaving: the first call (on the calling thread) fails while the second is still under way; the
     * second starts its last stretch only once the first is failing, and that stretch is long enough (200 ms) that
     * an {@code all} returning at the first failure would be seen returning before it ended. The assertion is on
     * what happened (the slow call had ended), never on a time.
     */
    @Test
    void aFailure_isThrownOnlyAfterTheOtherCallsEnded_withLaterFailuresSuppressed() {
        AtomicBoolean slowCallEnded = new AtomicBoolean();
        CountDownLatch failing = new CountDownLatch(1);
        List<Callable<Boolean>> work = List.of(
                () -> {
                    failing.countDown();
                    throw new IllegalStateException("throttled");
                },
                () -> {
                    if (!failing.await(10, TimeUnit.SECONDS)) {
                        return false;
                    }
                    Thread.sleep(200);
                    slowCallEnded.set(true);
                    return true;
                },
                () -> {
                    throw new IllegalArgumentException("no such table");
                });

        assertThatThrownBy(() -> concurrently.all(work))
                .isInstanceOf(IllegalStateException.class).hasMessage("throttled")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(IllegalArgumentException.class));
        assertThat(slowCallEnded).isTrue();
    }

    @Test
    void noCalls_noResults() {
        assertThat(concurrently.<Boolean>all(List.of())).isEmpty();
    }
}
