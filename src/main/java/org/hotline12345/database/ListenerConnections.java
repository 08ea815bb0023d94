package org.hotline12345.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections that wait for PostgreSQL's notifications. A LISTEN belongs to its server session, which a pooler in
 * transaction mode hands to another client after each transaction: where one sits in front of the database,
 * {@code hotline.database.listener.jdbc-url} names the primary itself and the listeners connect there, while the
 * NOTIFYs, sent inside ordinary transactions, still go through the pool.
 */
@ApplicationScoped
public class ListenerConnections {

    @Inject
    DataSource dataSource;

    @Inject
    ListenerConfig config;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** A connection of its own for LISTEN, in auto-commit; the caller closes it. */
    public Connection open() throws SQLException {
        Optional<String> direct = config.jdbcUrl().filter(url -> !url.isBlank());
        Connection connection;
        if (direct.isPresent()) {
            Properties credentials = new Properties();
            username.ifPresent(user -> credentials.setProperty("user", user));
            password.ifPresent(secret -> credentials.setProperty("password", secret));
            connection = new org.postgresql.Driver().connect(direct.get(), credentials);
            if (connection == null) {
                throw new SQLException("hotline.database.listener.jdbc-url is not a PostgreSQL JDBC URL");
            }
        } else {
            connection = dataSource.getConnection();
        }
        connection.setAutoCommit(true);
        return connection;
    }
}
