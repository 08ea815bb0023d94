package org.hotline12345.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * Telephony as its own health group ({@code /q/health/group/telephony}): work orders are handled while Asterisk is
 * away, so it does not make the service unready. Not configured is healthy and says so.
 */
@ApplicationScoped
@HealthGroup("telephony")
public class TelephonyHealthCheck implements HealthCheck {

    @Inject
    AmiClient ami;

    @Inject
    TelephonyConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("telephony");
        if (!config.enabled()) {
            return response.up().withData("configured", false).build();
        }
        AmiClient.Status status = ami.status();
        response.withData("configured", true).withData("asterisk", config.ami().host() + ":" + config.ami().port())
                .withData("reconnects", status.reconnects());
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        return status.connected() ? response.up().build() : response.down().build();
    }
}
