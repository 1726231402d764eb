package org.wardwatch.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What GET /audit answers. */
public final class AuditViews {

    private AuditViews() {
    }

    @Schema(name = "AuditList", description = "a page of the tenant's audit entries, oldest first")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditList(@Schema(format = "date-time") String from, @Schema(format = "date-time") String to,
                            List<Entry> entries,
                            @Schema(description = "the cursor of the next page (pass it as next=, with the same "
                                    + "from and to); absent on the last") String next) {
    }

    @Schema(name = "AuditEntry", description = "one write: who, when, what, before and after")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(@Schema(format = "date-time") String at,
                        @Schema(description = "cognito:username", examples = "nurse-0017") String who,
                        @Schema(description = "the caller's groups", examples = "[\"nurse\"]") List<String> roles,
                        @Schema(examples = "ACKNOWLEDGE_EXCURSION") String action,
                        @Schema(description = "what was written: an alert id, <ward>#<bed>, <device>#<start>")
                        String target,
                        String ward,
                        @Schema(type = SchemaType.OBJECT, description = "the thing before the write")
                        JsonNode before,
                        @Schema(type = SchemaType.OBJECT, description = "the thing after the write")
                        JsonNode after,
                        @Schema(description = "API Gateway's request id") String requestId) {
    }
}
