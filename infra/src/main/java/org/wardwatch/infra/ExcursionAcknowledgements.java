package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * The {@code acknowledge-excursion} function: records who acknowledged a cold-chain excursion, when, and the actions
 * taken, in the excursion's log entry (functions/README.md, "Cold chain"), invoked synchronously by pharmacy or
 * operator tooling. It does one conditional UpdateItem; the stack grants it
 * {@link ReadingsStore#grantExcursionAcknowledgementAccess}. 30 seconds: one write, far less in practice.
 */
public final class ExcursionAcknowledgements extends Construct {

    public static final String HANDLER = Handler.ACKNOWLEDGE_EXCURSION.handlerName();

    private final TenantFunction function;

    public ExcursionAcknowledgements(Construct scope, String id, SingleFunctionProps props) {
        super(scope, id);
        function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(props.names())
                .handler(Handler.ACKNOWLEDGE_EXCURSION)
                .description("records who acknowledged a cold-chain excursion and the actions taken")
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
