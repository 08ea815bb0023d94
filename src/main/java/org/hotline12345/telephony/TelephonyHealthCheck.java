package org.hotline12345.telephony;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * Telephony as its own health group ({@code /q/health/group/telephony}): work orders are handled while Asterisk is
 * away, so it does not make the service unready. Not configured is healthy and says so; with several servers it is
 * down while any of them is.
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
        response.withData("configured", true).withData("reconnects", status.reconnects()).withData("servers",
                status.servers().stream().map(AmiClient.ServerStatus::name).collect(Collectors.joining(", ")));
        boolean allConnected = true;
        for (AmiClient.ServerStatus server : status.servers()) {
            response.withData(server.name(), (server.connected() ? "connected " : "not connected ") + server.address()
                    + (server.lastError() == null ? "" : ": " + server.lastError()));
            allConnected &= server.connected();
        }
        // one server down is DOWN here, for operators to act on, while the service goes on through the others
        return allConnected && !status.servers().isEmpty() ? response.up().build() : response.down().build();
    }
}
