package org.hotline12345.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the years the holiday schedule covers and warns when deadlines in the coming weeks fall in a year it does
 * not cover (those count only weekends as days off). Stays UP: deadlines still work, only less exactly.
 */
@Readiness
@ApplicationScoped
public class CalendarHealthCheck implements HealthCheck {

    @Inject
    WorkingCalendar calendar;

    @Inject
    CalendarConfig config;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        LocalDate horizon = today.plusDays(config.coverageHorizon().toDays());
        List<Integer> missing = calendar.uncoveredYears(today, horizon);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("working-calendar").up()
                .withData("zone", calendar.zone().getId())
                .withData("coveredYears", calendar.coveredYears().toString());
        if (!missing.isEmpty()) {
            response.withData("warning", "no official holiday schedule loaded for " + missing
                    + "; an administrator can add it at /admin/calendar");
        }
        return response.build();
    }
}
