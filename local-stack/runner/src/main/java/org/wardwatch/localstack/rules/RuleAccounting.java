package org.wardwatch.localstack.rules;

import org.wardwatch.localstack.lambda.AsyncInvoker;

/** Counts what became of the publishes one topic rule matched. Called from several threads. */
public interface RuleAccounting {

    /** A publish matched the rule. */
    void matched();

    /**
     * The rule's Lambda action ended: the function answered ({@code outcome.succeeded()}), or its retries were
     * exhausted and the event went to the function's on-failure destination.
     */
    void completed(AsyncInvoker.Outcome outcome, long latencyMillis);

    /** The action could not be carried out at all; the rule's error action received the message. */
    void errorAction();
}
