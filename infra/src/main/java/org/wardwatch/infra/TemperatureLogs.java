package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * The {@code temperature-log} function: a storage sensor's monthly temperature log as CSV, for the pharmacy to hand
 * to an inspector (functions/README.md, "Temperature logs"), invoked synchronously by pharmacy or admin tooling.
 * It only reads; the stack grants it {@link ReadingsStore#grantTemperatureLogAccess}. 60 seconds: a month of one
 * device is a few thousand readings, and the AWS CLI waits 60 seconds for an answer by default.
 */
public final class TemperatureLogs extends Construct {

    public static final String HANDLER = Handler.TEMPERATURE_LOG.handlerName();

    private final TenantFunction function;

    public TemperatureLogs(Construct scope, String id, SingleFunctionProps props) {
        super(scope, id);
        function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(props.names())
                .handler(Handler.TEMPERATURE_LOG)
                .description("compiles a storage sensor's monthly temperature log (CSV)")
                .settings(props.settings())
                .encryptionKey(props.encryptionKey())
                .build());
    }

    public Function function() {
        return function.function();
    }

    public Alias alias() {
        return function.alias();
    }
}
