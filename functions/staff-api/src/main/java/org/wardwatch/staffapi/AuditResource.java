package org.wardwatch.staffapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.wardwatch.model.staff.StaffRole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The tenant's audit, for its admins: every write in time order (the audit is the tenant's: no ward check). */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "cognito")
public class AuditResource {

    /** The longest span one request may ask for. */
    static final Duration MAX_SPAN = Duration.ofDays(31);
    private static final Pattern CURSOR = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z#[0-9A-Z]{12}");

    @Inject
    Callers callers;
    @Inject
    AuditReader reader;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "The tenant's audit entries",
            description = "Every write of [from, to) (default: the last 24 hours; at most 31 days), oldest first, "
                    + "a page at a time, with before and after as JSON. Admins only.")
    @APIResponse(responseCode = "200", description = "a page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditViews.AuditList.class)))
    @APIResponse(responseCode = "400", description = "a malformed from, to, limit or next; from not before to; a "
            + "span over 31 days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no signed-in caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the caller is not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditViews.AuditList audit(
            @Parameter(description = "ISO-8601 time with offset; default: 24 hours before to",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 time with offset, exclusive; default: now",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "entries per page, 1-100", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "the cursor a previous page's next gave", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("next") String next) {
        Caller caller = callers.current();
        Paging.Window window = Paging.window(from, to, Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1),
                Duration.ofHours(24), MAX_SPAN, "31 days");
        Instant since = window.from();
        Instant until = window.to();
        int pageSize = Paging.limit(limit);
        String after = next == null ? null : Paging.cursor(next, CURSOR);
        if (!StaffRole.anyMay(caller.roles(), StaffRole::mayReadAudit)) {
            throw new ProblemException(403, "reading the audit needs admin");
        }
        AuditReader.Page page = reader.read(since, until, after, pageSize);
        return new AuditViews.AuditList(since.toString(), until.toString(),
                page.items().stream().map(i -> entry(i.attributes())).toList(),
                page.after() == null ? null : Paging.encode(page.after()));
    }

    private AuditViews.Entry entry(Map<String, AttributeValue> item) {
        String roles = text(item, "roles");
        List<String> groups = roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
        return new AuditViews.Entry(text(item, "at"), text(item, "who"), groups, text(item, "action"),
                text(item, "target"), text(item, "ward"), parsed(text(item, "before")), parsed(text(item, "after")),
                text(item, "requestId"));
    }

    private JsonNode parsed(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
