package org.wardwatch.functions.lambda;

import org.wardwatch.model.tenant.Handler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.wardwatch.functions.service.PresenceResult;

/**
 * Entry point of the {@code presence} handler: the tenant's presence rule ({@code SELECT * FROM
 * '$aws/events/presence/+/+'}) passes IoT Core's lifecycle event as it is. A stream handler, so that the event's own
 * bytes are decoded (and kept if quarantined), not a copy Jackson made of it. Answers
 * {@code {"outcome": "RECORDED"|"STALE"|"CONNECT_FAILED"|"DUPLICATE"|"QUARANTINED", "reason": "<code, only when
 * quarantined>"}}.
 * Exceptions (an unavailable table) propagate: Lambda retries twice, then the on-failure destination keeps the
 * event for the {@code redrive} handler.
 */
@Named(Handler.Names.PRESENCE)
public class PresenceHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PresenceIngest ingest;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        PresenceResult result = ingest.ingest(input.readAllBytes(), null);
        output.write(JSON.writeValueAsBytes(response(result)));
    }

    static ObjectNode response(PresenceResult result) {
        ObjectNode response = JSON.createObjectNode().put("outcome", result.outcome().name());
        if (result.reason() != null) {
            response.put("reason", result.reason());
        }
        return response;
    }
}
