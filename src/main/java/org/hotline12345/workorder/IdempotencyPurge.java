package org.hotline12345.workorder;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Forgets expired Idempotency-Keys. */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    @Inject
    IdempotencyStore store;

    @Inject
    WorkOrderConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "idempotency-purge", every = "${hotline.work-order.idempotency-purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        int purged = store.purgeBefore(clock.instant().minus(config.idempotencyRetention()));
        if (purged > 0) {
            LOG.debugf("Forgot %d expired idempotency keys", purged);
        }
    }
}
