package org.hotline12345;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.knowledge.ReindexCommand;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, or with {@code reindex} rebuilds the knowledge index and exits. When no datasource is
 * configured, an embedded PostgreSQL is started first so that a fresh clone runs with nothing but a JDK; its URL is
 * handed to Quarkus as system properties, which outrank application.properties.
 */
@QuarkusMain
public class HotlineMain {

    public static void main(String... args) {
        if (args.length > 0 && "reindex".equals(args[0])) {
            ReindexCommand.configure();
            EmbeddedDatabase.startIfNoDatasourceConfigured();
            Quarkus.run(ReindexCommand.class, args);
            return;
        }
        EmbeddedDatabase.startIfNoDatasourceConfigured();
        Quarkus.run(args);
    }
}
