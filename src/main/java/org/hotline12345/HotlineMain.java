package org.hotline12345;

import org.hotline12345.database.EmbeddedDatabase;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. When no datasource is configured, an embedded PostgreSQL is started first so that a fresh
 * clone runs with nothing but a JDK; its URL is handed to Quarkus as system properties, which outrank
 * application.properties.
 */
@QuarkusMain
public class HotlineMain {

    public static void main(String... args) {
        EmbeddedDatabase.startIfNoDatasourceConfigured();
        Quarkus.run(args);
    }
}
