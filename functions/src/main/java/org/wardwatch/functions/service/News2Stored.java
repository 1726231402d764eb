package org.wardwatch.functions.service;

import org.wardwatch.functions.core.News2State;
import org.wardwatch.functions.core.NurseObservations;

/**
 * A bed's stored NEWS2 alert with the version writes are conditioned on (0 before it was first written), and the
 * nurse observations of the current admission ({@link NurseObservations#NONE} when there are none).
 */
public record News2Stored(News2State state, long version, NurseObservations observations) {

    public static final News2Stored INITIAL = new News2Stored(News2State.INITIAL, 0, NurseObservations.NONE);
}
