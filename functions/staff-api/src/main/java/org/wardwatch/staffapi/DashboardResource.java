package org.wardwatch.staffapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The ward dashboard's page and files (issue 17), served by the staff API itself so that the page and the API share
 * one origin (no CORS on the API) and one deployment: {@code GET /dashboard} the page, {@code GET /dashboard/<file>}
 * its script and style sheet from the function's classpath ({@code dashboard/}), and {@code config.json}, what the
 * page needs to sign in: the region, the dashboard's app client and the Cognito endpoint (the AWS SDK's own
 * {@code AWS_ENDPOINT_URL} when set, as in the local stack, else the region's). No token: the page signs in itself.
 */
@Path("/dashboard")
public class DashboardResource {

    /** The files there are, with their types; anything else is 404. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    StaffApiConfig config;

    @GET
    @Operation(summary = "The ward dashboard", description = "The page; it signs in against the tenant's user pool "
            + "and calls this API with the ID token.")
    @APIResponse(responseCode = "200", description = "the page", content = @Content(mediaType = "text/html"))
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("/{file}")
    @Operation(summary = "One of the dashboard's files", description = "app.js, style.css, index.html, or "
            + "config.json: the region, the dashboard's app client id and the Cognito endpoint to sign in with.")
    @APIResponse(responseCode = "200", description = "the file")
    @APIResponse(responseCode = "404", description = "no such file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@Parameter(description = "the file's name", required = true, example = "app.js",
                                 schema = @Schema(type = SchemaType.STRING))
                         @PathParam("file") String file) {
        if ("config.json".equals(file)) {
            return Response.ok(signIn()).type("application/json").header("Cache-Control", "no-store").build();
        }
        String type = FILES.get(file);
        if (type == null) {
            throw new ProblemException(404, "the dashboard has no file " + (file.length() > 64 ? "of that name" : file));
        }
        try (InputStream in = DashboardResource.class.getResourceAsStream("/dashboard/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + file + " is not in the function");
            }
            // Short: a new deployment reaches open pages within minutes.
            return Response.ok(in.readAllBytes()).type(type).header("Cache-Control", "max-age=300").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String signIn() {
        String region = Optional.ofNullable(System.getenv("AWS_REGION")).orElse("eu-west-2");
        String endpoint = Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(e -> !e.isBlank())
                .orElse("https://cognito-idp." + region + ".amazonaws.com/");
        return JSON.createObjectNode().put("region", region)
                .put("clientId", config.dashboardClientId().orElse(null))
                .put("cognitoEndpoint", endpoint).toString();
    }
}
