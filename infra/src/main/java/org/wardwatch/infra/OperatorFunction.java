package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * A function an operator or the hospital's tooling invokes synchronously ({@link Handler.Trigger#OPERATOR}):
 * admissions, the acknowledgement of any alert. Nothing in the stack invokes it; what it may do is
 * granted by the stack (TenantStack, next to each), its timeout is its handler's ({@link Handler#timeout}).
 */
public final class OperatorFunction extends Construct {

    private final TenantFunction function;

    /** @param description what it does, as the Lambda console shows it */
    public OperatorFunction(Construct scope, String id, SingleFunctionProps props, Handler handler,
                            String description) {
        super(scope, id);
        if (handler.trigger() != Handler.Trigger.OPERATOR) {
            throw new IllegalArgumentException(handler.handlerName() + " is not invoked by an operator");
        }
        function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(props.names())
                .handler(handler)
                .description(description)
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
