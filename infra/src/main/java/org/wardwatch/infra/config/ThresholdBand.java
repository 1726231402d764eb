package org.wardwatch.infra.config;

/**
 * One override band of a metric: a value below {@code min} or above {@code max} raises an alert of
 * {@code severity}. At least one bound is set.
 */
public record ThresholdBand(Double min, Double max, Severity severity) {
}
