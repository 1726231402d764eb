package org.wardwatch.functions.lambda;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock the handlers take the time from (admissions, acknowledgements, the presence service, the silence and
 * escalation checks), one bean so that a test can replace it with a fixed clock.
 */
@ApplicationScoped
public class ClockWiring {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
