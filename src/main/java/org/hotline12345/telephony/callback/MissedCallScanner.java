package org.hotline12345.telephony.callback;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.telephony.Switchboard;
import org.hotline12345.telephony.TelephonyConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the call records for missed calls every {@code scan-every} while telephony is on. A thread of its own rather
 * than the scheduler: callbacks are due within minutes, and the pass is one short transaction that one instance at a
 * time runs.
 */
@ApplicationScoped
public class MissedCallScanner {

    private static final Logger LOG = Logger.getLogger(MissedCallScanner.class);

    @Inject
    TelephonyConfig telephony;

    @Inject
    MissedCallConfig config;

    @Inject
    MissedCalls missedCalls;

    private ScheduledExecutorService scanner;

    void start(@Observes StartupEvent event) {
        // wrong service hours stop the start here, not at the first call after hours
        missedCalls.hours();
        if (!telephony.enabled()) {
            return;
        }
        scanner = Executors.newSingleThreadScheduledExecutor(Switchboard.daemon("missed-call-scan"));
        long every = config.scanEvery().toMillis();
        scanner.scheduleWithFixedDelay(this::scan, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }

    private void scan() {
        try {
            int counted = missedCalls.scan();
            if (counted > 0) {
                LOG.debugf("%d missed calls added to the callback list", counted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Missed calls could not be read from the call records; next pass in %s: %s",
                    config.scanEvery(), e.getMessage());
        }
    }
}
