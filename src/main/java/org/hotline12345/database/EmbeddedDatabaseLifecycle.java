package org.hotline12345.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

/**
 * Stops the embedded PostgreSQL after the application's beans, the scheduler and the registration writer among them,
 * have stopped, so that what they finish on the way out still reaches the database.
 */
@Singleton
class EmbeddedDatabaseLifecycle {

    void started(@Observes StartupEvent event) {
        EmbeddedDatabase.serviceStarted();
    }

    void stop(@Observes @Destroyed(ApplicationScoped.class) Object event) {
        EmbeddedDatabase.stopServing();
    }
}
