package org.wardwatch.functions.service;

/**
 * What evaluating a reading or condition against its stored state gave: the advance to write (null when there is
 * nothing to write), and whether the stored state was already at or past this message's device time.
 */
record Plan(StateAdvance advance, boolean late) {
}
