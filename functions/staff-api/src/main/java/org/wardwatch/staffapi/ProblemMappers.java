package org.wardwatch.staffapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error as problem details: ours, JAX-RS' own (unknown path 404, wrong method 405, wrong content type 415,
 * unacceptable 406), Jackson's (malformed JSON, unknown or mistyped fields: 400), and anything unexpected (500,
 * with nothing of the exception in the answer; its class alone is logged, as its message may carry request values).
 */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return e.problem().response();
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf("request failed: %s", e.getClass().getName());
            return Problem.of(status, "the request could not be served").response();
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        return Problem.of(status, switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406 -> "this resource answers application/json (errors application/problem+json)";
            case 415 -> "the body must be application/json";
            default -> "the request is not one this API accepts";
        }).response();
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e) {
        return Problem.of(400, jsonDetail(e)).response();
    }

    @ServerExceptionMapper
    Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e) {
        if (e instanceof WebApplicationException w) {
            return webApplication(w);
        }
        if (e instanceof JsonProcessingException j) {
            return json(j);
        }
        LOG.errorf("request failed: %s", e.getClass().getName());
        return Problem.of(500, "the request could not be served").response();
    }

    /** One line naming the field, never the value sent. */
    private static String jsonDetail(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field " + safe(u.getPropertyName()) + "; known: " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String path = path((JsonMappingException) e);
            return path.isEmpty() ? "the body must be a JSON object" : path + " has the wrong type";
        }
        return "the body is not well-formed JSON";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? safe(r.getFieldName())
                : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
    }

    private static String safe(String name) {
        return name != null && name.matches("[A-Za-z0-9_]{1,40}") ? name : "(a field)";
    }
}
