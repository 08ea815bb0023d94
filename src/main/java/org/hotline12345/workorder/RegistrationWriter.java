package org.hotline12345.workorder;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.workorder.WorkOrderService.NewRegistration;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes new work orders with group commit: registrations that arrive together share one transaction, which more
 * than halves the database's work per work order under load and adds nothing when they come one at a time.
 * <p>
 * The work order service writes the batches and, for its registrations, calls this writer: the two refer to each
 * other, which CDI resolves through their client proxies.
 */
@ApplicationScoped
public class RegistrationWriter {

    @Inject
    WorkOrderConfig config;

    @Inject
    WorkOrderNumbers numbers;

    @Inject
    WorkOrderService workOrders;

    private GroupCommit<NewRegistration, String, Optional<WorkOrder>> commits;

    @PostConstruct
    void start() {
        commits = new GroupCommit<>("registration-writer", this::numbersFor, workOrders::writeRegistrations,
                RegistrationWriter::inTransaction, config.registrationBatch(),
                config.registrationWriters());
    }

    @PreDestroy
    void stop() throws InterruptedException {
        commits.stop();
    }

    /**
     * Writes {@code registration} in a transaction shared with the registrations arriving meanwhile; returns once
     * committed, with nothing when its Idempotency-Key had been claimed before.
     */
    Optional<WorkOrder> write(NewRegistration registration) {
        return commits.submit(registration);
    }

    /** A number for each registration of the batch: the one reserved for it, or one drawn now. */
    private List<String> numbersFor(List<NewRegistration> batch) {
        List<Instant> drawFor = batch.stream().filter(registration -> registration.reservedNumber() == null)
                .map(NewRegistration::registeredAt).toList();
        Iterator<String> drawn = (drawFor.isEmpty() ? List.<String> of() : numbers.next(drawFor)).iterator();
        return batch.stream().map(registration -> registration.reservedNumber() != null
                ? registration.reservedNumber()
                : drawn.next()).toList();
    }

    private static void inTransaction(Runnable writes) {
        // the writer's thread serves no request of its own; observers of the new work orders may need the context
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            QuarkusTransaction.requiringNew().run(writes);
        } finally {
            requestContext.terminate();
        }
    }
}
