package org.wardwatch.telemetry.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Records every AWS API call made in the test JVM, once per call (not per HTTP attempt), by operation. Registered
 * on every SDK client the tests build, the function's own included, through the SDK's global interceptor file
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in the test resources), so the function's
 * client wiring is unchanged. A device registry lookup is recorded as {@code GetItem(devices)}: the tests turn the
 * registry's cache off, the deployed function caches it for a minute.
 */
public final class AwsCalls implements ExecutionInterceptor {

    private static final List<String> CALLS = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (context.request() instanceof GetItemRequest get && TestTenant.DEVICES.equals(get.tableName())) {
            operation += "(devices)";
        }
        synchronized (CALLS) {
            CALLS.add(operation);
        }
    }

    /**
     * What {@code action} returned, with the AWS calls made while it ran, counted by operation. Nothing else in the
     * JVM may call AWS meanwhile (test classes run one at a time).
     */
    public static <T> Counted<T> during(Supplier<T> action) {
        int from;
        synchronized (CALLS) {
            from = CALLS.size();
        }
        T result = action.get();
        Map<String, Integer> counted = new TreeMap<>();
        synchronized (CALLS) {
            CALLS.subList(from, CALLS.size()).forEach(c -> counted.merge(c, 1, Integer::sum));
        }
        return new Counted<>(result, counted);
    }

    /** A result and the AWS calls that produced it. */
    public record Counted<T>(T result, Map<String, Integer> calls) {
    }
}
