package org.wardwatch.localstack.rules;

/** The rule uses SQL the local rules engine does not emulate. */
public class UnsupportedRuleException extends RuntimeException {

    public UnsupportedRuleException(String message) {
        super(message);
    }
}
