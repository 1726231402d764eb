package org.wardwatch.functions.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Records every AWS API call made in the test JVM, once per call (not per HTTP attempt), by operation, with the
 * thread that made it. Registered on every SDK client the tests build, the function's own included, through the
 * SDK's global interceptor file ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in the test
 * resources), so the function's client wiring is unchanged. A device registry lookup is recorded as
 * {@code GetItem(devices)}: the tests turn the registry's cache off, the deployed function caches it for a minute.
 */
public final class AwsCalls implements ExecutionInterceptor {

    private record Call(String operation, String thread) {
    }

    private static final List<Call> CALLS = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (context.request() instanceof GetItemRequest get && TestTenant.DEVICES.equals(get.tableName())) {
            operation += "(devices)";
        }
        Call call = new Call(operation, Thread.currentThread().getName());
        synchronized (CALLS) {
            CALLS.add(call);
        }
    }

    /**
     * What {@code action} returned, with the AWS calls made while it ran, counted by operation: those of the
     * function's invocation, on whichever thread (the handler's, the store's concurrent writers), but not the
     * application's client priming, which runs on its own thread at start and may overlap the first invocation.
     * Nothing else in the JVM may call AWS meanwhile (test classes run one at a time).
     */
    public static <T> Counted<T> during(Supplier<T> action) {
        return count(action, call -> !ClientPriming.THREAD.equals(call.thread()));
    }

    /** Like {@link #during}, counting only the calls {@code action} makes on the calling thread. */
    public static <T> Counted<T> onThisThread(Supplier<T> action) {
        String thread = Thread.currentThread().getName();
        return count(action, call -> thread.equals(call.thread()));
    }

    private static <T> Counted<T> count(Supplier<T> action, Predicate<Call> counted) {
        int from;
        synchronized (CALLS) {
            from = CALLS.size();
        }
        T result = action.get();
        Map<String, Integer> calls = new TreeMap<>();
        synchronized (CALLS) {
            CALLS.subList(from, CALLS.size()).stream().filter(counted)
                    .forEach(c -> calls.merge(c.operation(), 1, Integer::sum));
        }
        return new Counted<>(result, calls);
    }

    /** A result and the AWS calls that produced it. */
    public record Counted<T>(T result, Map<String, Integer> calls) {
    }
}
