package org.wardwatch.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.service.AdmissionRefusedException;
import org.wardwatch.functions.service.AdmissionService;
import org.wardwatch.functions.service.AlertsNotResolvedException;
import org.wardwatch.functions.service.ObservationService;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.model.news2.Consciousness;
import org.wardwatch.model.news2.News2Score;
import java.util.Locale;
import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.PatientOverrides;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The {@code admission} handler, invoked by an operator (and the local stack's replay): admits, transfers and
 * discharges patients and changes their SpO2 scale or threshold overrides, through {@link AdmissionService}, and
 * records nurse observations that NEWS2 scores through {@link ObservationService}.
 * Requests and answers are in functions/README.md, "Admissions". Every answer is JSON: the admission and the alerts
 * resolved, or {@code {"error": CODE, "message": one line}}, never a stack trace. Nothing of a request is logged.
 */
@Named(Handler.Names.ADMISSION)
public class AdmissionHandler implements RequestHandler<JsonNode, JsonNode> {

    private static final Logger LOG = Logger.getLogger(AdmissionHandler.class);

    @Inject
    AdmissionService service;

    @Inject
    ObservationService observations;

    @Inject
    Clock clock;

    @Override
    public JsonNode handleRequest(JsonNode request, Context context) {
        try {
            return answer(AdmissionRequest.read(request, clock.instant()));
        } catch (RequestFields.InvalidRequestException e) {
            return error("INVALID_REQUEST", e.getMessage());
        } catch (AdmissionRequest.InvalidOverridesException e) {
            return error(AdmissionRefusedException.Code.INVALID_OVERRIDES.name(), e.getMessage());
        } catch (AdmissionRefusedException e) {
            return error(e.code().name(), e.getMessage());
        } catch (AlertsNotResolvedException e) {
            LOG.warnf("admission: resolving a bed's alerts failed: %s", e.getCause().getClass().getName());
            return error("ALERTS_NOT_RESOLVED", e.getMessage());
        } catch (SdkException e) {
            LOG.warnf("admission: the store failed: %s", e.getClass().getName());
            return error("STORE_UNAVAILABLE", "the admissions store did not answer (" + e.getClass().getSimpleName()
                    + "); try again: a change is written whole or not at all");
        } catch (RuntimeException e) {
            // a fault of ours; the exception's message might carry request values, so only its class is logged
            LOG.errorf("admission: the request failed: %s", e.getClass().getName());
            return error("INTERNAL_ERROR", "the request could not be carried out (" + e.getClass().getSimpleName()
                    + "); the operations team can find it in the function's log");
        }
    }

    private JsonNode answer(AdmissionRequest r) {
        return switch (r.action()) {
            case ADMIT -> response(Optional.of(service.admit(r.ward(), r.bed(), r.patientRef(),
                    r.spo2Scale() == null ? 1 : r.spo2Scale(), r.by(), r.reason(), r.overrides(), r.time())), List.of());
            case DISCHARGE -> response(service.discharge(r.ward(), r.bed(), r.by(), r.time()));
            case TRANSFER -> response(service.transfer(r.ward(), r.bed(), r.toWard(), r.toBed(), r.by(), r.time()));
            case SET_SPO2_SCALE -> response(Optional.of(service.setSpo2Scale(r.ward(), r.bed(), r.spo2Scale(), r.by(),
                    r.reason(), r.time())), List.of());
            case SET_OVERRIDES -> response(Optional.of(service.setOverrides(r.ward(), r.bed(), r.overrides(), r.by(),
                    r.reason(), r.time())), List.of());
            case CURRENT -> response(service.current(r.ward(), r.bed()), List.of());
            case OBSERVE -> observation(r);
        };
    }

    private JsonNode observation(AdmissionRequest r) {
        Consciousness consciousness = r.consciousness() == null ? null : Consciousness.ofCode(r.consciousness())
                .orElseThrow(() -> new AdmissionRefusedException(AdmissionRefusedException.Code.INVALID_OBSERVATION,
                        "consciousness must be one of A, C, V, P, U (ACVPU)"));
        ObservationService.Outcome outcome = observations.observe(r.ward(), r.bed(), consciousness, r.oxygen(), r.by(),
                r.time());
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        NurseObservations o = outcome.observations();
        ObjectNode node = response.putObject("observations");
        node.put("ward", r.ward()).put("bed", r.bed());
        if (o.consciousness() != null) {
            node.put("consciousness", o.consciousness().code()).put("consciousnessAt", o.consciousnessAt().toString())
                    .put("consciousnessBy", o.consciousnessBy());
        }
        if (o.oxygen() != null) {
            node.put("oxygen", o.oxygen()).put("oxygenAt", o.oxygenAt().toString()).put("oxygenBy", o.oxygenBy());
        }
        if (outcome.score().isPresent()) {
            News2Score score = outcome.score().get();
            ObjectNode news2 = response.putObject("news2");
            news2.put("score", score.total()).put("response", score.response().name().toLowerCase(Locale.ROOT))
                    .put("partial", score.partial());
            var missing = news2.putArray("missing");
            score.missing().forEach(p -> missing.add(p.code()));
        } else {
            response.putNull("news2");
        }
        outcome.transition().ifPresent(t -> response.putObject("alert").put("alertId", t.alertId())
                .put("transition", t.transition().name()).put("severity", t.severity().name()));
        return response;
    }

    private static JsonNode response(AdmissionService.Outcome outcome) {
        return response(Optional.of(outcome.admission()), outcome.resolvedAlerts());
    }

    private static JsonNode response(Optional<Admission> admission, List<String> resolvedAlerts) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (admission.isPresent()) {
            Admission a = admission.get();
            ObjectNode node = response.putObject("admission");
            node.put("ward", a.ward()).put("bed", a.bed()).put("patientRef", a.patientRef())
                    .put("admittedAt", a.admittedAt().toString()).put("spo2Scale", a.spo2Scale());
            if (a.spo2ScaleBy() != null) {
                node.put("spo2ScaleBy", a.spo2ScaleBy()).put("spo2ScaleAt", a.spo2ScaleAt().toString());
            }
            node.set("overrides", PatientOverrides.toJson(a.overrides()));
        } else {
            response.putNull("admission");
        }
        resolvedAlerts.forEach(response.putArray("resolvedAlerts")::add);
        return response;
    }

    private static JsonNode error(String code, String message) {
        return JsonNodeFactory.instance.objectNode().put("error", code).put("message", message);
    }
}
