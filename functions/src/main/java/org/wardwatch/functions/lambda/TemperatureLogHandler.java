package org.wardwatch.functions.lambda;

import org.wardwatch.model.tenant.Handler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wardwatch.functions.core.TemperatureLog;
import org.wardwatch.functions.service.TemperatureLogService;

/**
 * Entry point of the {@code temperature-log} handler: the monthly temperature log of a storage sensor as CSV.
 * A request that cannot be answered fails the invocation with an exception named for the reason
 * ({@code UnknownDeviceException}, {@code NotAStorageSensorException}, {@code MalformedMonthException},
 * {@code UnknownTimeZoneException}, {@code TenantMismatchException}).
 */
@Named(Handler.Names.TEMPERATURE_LOG)
public class TemperatureLogHandler implements RequestHandler<TemperatureLogRequest, TemperatureLogResponse> {

    @Inject
    TemperatureLogService service;

    @Override
    public TemperatureLogResponse handleRequest(TemperatureLogRequest request, Context context) {
        TemperatureLogRequest r = request == null ? new TemperatureLogRequest() : request;
        TemperatureLog log = service.monthlyLog(r.device, r.month, r.timeZone);
        return new TemperatureLogResponse(log.device().thingName(), log.month().toString(), log.toCsv());
    }
}
