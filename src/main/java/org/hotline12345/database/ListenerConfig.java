package org.hotline12345.database;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "hotline.database.listener")
public interface ListenerConfig {

    /**
     * A JDBC URL straight to the PostgreSQL primary for the LISTEN connections (notifications, cluster events), where
     * the datasource goes through a pooler in transaction mode (PgBouncer), which cannot keep a LISTEN; unset, they
     * use the datasource. Same user and password as the datasource.
     */
    Optional<String> jdbcUrl();
}
