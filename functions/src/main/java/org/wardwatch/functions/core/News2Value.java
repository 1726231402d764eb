package org.wardwatch.functions.core;

import java.time.Instant;
import org.wardwatch.model.news2.News2Parameter;

/**
 * One parameter's value as a NEWS2 score used it.
 *
 * @param display what staff read, in the metric's unit where it has one: {@code 22}, {@code 37.8}, {@code oxygen},
 *                {@code A}
 * @param source  the thing name of the device that measured it, or who entered the observation
 * @param time    the device time of the value, or when the observation was entered
 */
public record News2Value(News2Parameter parameter, double value, String display, String source, Instant time) {
}
