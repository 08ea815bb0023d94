package org.hotline12345.hotspot;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** The hotspot pass as a Quartz job in the shared JDBC job store: in a cluster, each run happens on one instance. */
@ApplicationScoped
public class HotspotJob {

    private static final Logger LOG = Logger.getLogger(HotspotJob.class);

    @Inject
    HotspotPass pass;

    @Inject
    Clock clock;

    @Scheduled(identity = "hotspot-pass", every = "${hotline.hotspot.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        HotspotPass.Result result = pass.pass(clock.instant());
        if (!result.raised().isEmpty()) {
            LOG.infof("Hotspot pass raised hotspots %s among %d requests", result.raised(), result.requests());
        }
    }
}
