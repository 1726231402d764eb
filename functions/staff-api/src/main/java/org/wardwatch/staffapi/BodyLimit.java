package org.wardwatch.staffapi;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies over 8 KiB are refused (413) before they are read as JSON. */
@Provider
class BodyLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 8 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new ProblemException(413, "a request body has at most " + MAX_BYTES + " bytes");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }
}
