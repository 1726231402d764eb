package org.wardwatch.functions.service;

import java.time.Instant;

/**
 * The excursion log's side of acknowledging a COLD_CHAIN alert: the storage unit's excursion record keeps who
 * acknowledged it, when, and the note as its actions taken (the temperature log's columns), as an excursion's own
 * acknowledgement through the staff API does.
 */
public interface ExcursionAcknowledgements {

    /**
     * Marks {@code thingName}'s latest excursion that started at or before {@code at} as acknowledged by {@code by},
     * unless it already is (then nothing changes); nothing when the device has no excursion.
     */
    void acknowledged(String thingName, String by, Instant at, String note);
}
