package org.wardwatch.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retry loop alone, with a stand-in for DynamoDB that leaves part of each request unprocessed (the emulator
 * does so only for reads over 16 MB: {@link DynamoBatchReadTest}). Pauses are recorded, not slept.
 */
class UnprocessedRetryTest {

    private final List<Long> pauses = new ArrayList<>();
    private final List<List<String>> requests = new ArrayList<>();

    /** Processes the first {@code take} elements of each request and hands the rest back. */
    private List<String> processing(List<String> request, int take) {
        requests.add(request);
        return request.subList(Math.min(take, request.size()), request.size());
    }

    @Test
    void whatIsLeftUnprocessed_isSentAgain_untilNothingIsLeft_withDoublingPauses() {
        new UnprocessedRetry(8, pauses::add).sendAll(List.of("a", "b", "c", "d", "e"), r -> processing(r, 2),
                List::isEmpty, "five writes");

        assertThat(requests).containsExactly(List.of("a", "b", "c", "d", "e"), List.of("c", "d", "e"), List.of("e"));
        assertThat(pauses).containsExactly(25L, 50L);
    }

    @Test
    void aRequestProcessedAtOnce_isSentOnce_withoutPause() {
        new UnprocessedRetry(8, pauses::add).sendAll(List.of("a", "b"), r -> processing(r, 25), List::isEmpty, "two");

        assertThat(requests).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anEmptyRequest_isNotSent() {
        new UnprocessedRetry(8, pauses::add).sendAll(List.<String>of(), r -> processing(r, 1), List::isEmpty, "none");

        assertThat(requests).isEmpty();
    }

    @Test
    void whatIsStillLeftAfterTheLastAttempt_failsTheCall_ratherThanBeingDropped() {
        UnprocessedRetry retry = new UnprocessedRetry(3, pauses::add);

        assertThatThrownBy(() -> retry.sendAll(List.of("a", "b", "c", "d"), r -> processing(r, 1), List::isEmpty,
                "four writes to readings"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DynamoDB left part of four writes to readings unprocessed after 3 attempts");
        assertThat(requests).containsExactly(List.of("a", "b", "c", "d"), List.of("b", "c", "d"), List.of("c", "d"));
        assertThat(pauses).containsExactly(25L, 50L);
    }
}
