package org.wardwatch.staffapi;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details document ({@code application/problem+json}): every error this API answers. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonPropertyOrder({"type", "title", "status", "detail"})
public record Problem(
        @Schema(description = "a URI naming the kind of problem; about:blank when the status says it all",
                examples = "about:blank") String type,
        @Schema(description = "the status' short phrase", examples = "Conflict") String title,
        @Schema(description = "the HTTP status", examples = "409") int status,
        @Schema(description = "one line for people; never a stack trace, never request values that could be "
                + "patient data") String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String detail) {
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s != null ? s.getReasonPhrase()
                : status == 422 ? "Unprocessable Content" : "Error";
        return new Problem("about:blank", title, status, detail);
    }

    Response response() {
        Response.ResponseBuilder r = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer");
        }
        return r.build();
    }
}
