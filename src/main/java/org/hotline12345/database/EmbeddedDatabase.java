package org.hotline12345.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: a real PostgreSQL server run from Maven artifacts, so that a fresh clone needs nothing but a
 * JDK. Used by {@code HotlineMain} when no datasource is configured, by the tests and by the benchmarks.
 * <p>
 * Settings are read from system properties or the matching environment variables ({@code HOTLINE_EMBEDDED_DB_PORT}
 * and so on) because they are needed before Quarkus reads its configuration.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Set to {@code true} once the embedded server backs the service; first-run data is loaded only then. */
    public static final String ACTIVE_PROPERTY = "hotline.embedded-db.active";
    public static final String DATABASE_NAME = "hotline";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final String USER = "postgres";

    private static EmbeddedDatabase serving;
    private static volatile boolean serviceStarted;
    private static final CountDownLatch servingStopped = new CountDownLatch(1);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the persistent embedded server unless {@code quarkus.datasource.jdbc.url} is set (system property or
     * {@code QUARKUS_DATASOURCE_JDBC_URL}) or {@code hotline.embedded-db.enabled=false}. Idempotent within a JVM, so
     * a live reload in dev mode reuses the running server.
     */
    public static synchronized void startIfNoDatasourceConfigured() {
        if (setting("quarkus.datasource.jdbc.url").isPresent()
                || "false".equalsIgnoreCase(setting("hotline.embedded-db.enabled").orElse("true"))
                || Boolean.getBoolean(ACTIVE_PROPERTY)) {
            return;
        }
        Path directory = Path.of(setting("hotline.embedded-db.directory").orElse("data/postgres")).toAbsolutePath();
        int port = Integer.parseInt(setting("hotline.embedded-db.port").orElse("15432"));
        stopOrphanedServer(directory);
        // zonky's own hook would stop the server while the service still uses it; it stops last instead
        EmbeddedDatabase database = start(persistent(directory, port).setRegisterShutdownHook(false));
        serving = database;
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopServingAtExit, "embedded-db-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", USER);
        System.setProperty("quarkus.datasource.password", "");
        System.setProperty(ACTIVE_PROPERTY, "true");
        LOG.info(() -> "Embedded PostgreSQL listening on localhost:" + port + ", data in " + directory);
    }

    /**
     * A server whose data directory survives restarts, durable on disk: fsync on, and a commit waits for its
     * write-ahead log to reach the disk (zonky turns {@code synchronous_commit} off, which suits throw-away servers
     * only).
     */
    public static EmbeddedDatabase startPersistent(Path directory, int port) {
        stopOrphanedServer(directory);
        return start(persistent(directory, port));
    }

    private static EmbeddedPostgres.Builder persistent(Path directory, int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300");
    }

    /** The service is up: from now on it stops the server itself when it shuts down. */
    static void serviceStarted() {
        serviceStarted = true;
    }

    /** Stops the server behind the service, once nothing in the service uses it any more. */
    static synchronized void stopServing() {
        if (serving != null) {
            LOG.info("Stopping the embedded PostgreSQL");
            serving.close();
            serving = null;
        }
        servingStopped.countDown();
    }

    /**
     * The JVM's exit: the service's own shutdown, running beside this hook, stops the server last; wait for that, and
     * stop it here only where the service never started or did not get that far.
     */
    private static void stopServingAtExit() {
        try {
            servingStopped.await(serviceStarted ? 30 : 0, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopServing();
    }

    /** A throw-away server in a fresh directory, for tests; nothing waits for the disk, as zonky sets it. */
    public static EmbeddedDatabase startEphemeral() {
        return start(EmbeddedPostgres.builder().setServerConfig("max_connections", "300"));
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder.setPGStartupWait(Duration.ofSeconds(60)).start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createApplicationDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE_NAME);
    }

    public String username() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE_NAME);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE_NAME + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the " + DATABASE_NAME + " database", e);
        }
    }

    /**
     * A JVM killed without its shutdown hook leaves its postmaster running on the data directory, and the next
     * start would fail; stop that server first.
     */
    private static void stopOrphanedServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
            if (process.isPresent()) {
                LOG.warning(() -> "Stopping PostgreSQL " + pid + " left running on " + directory);
                process.get().destroy();
                process.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warning(() -> "Could not inspect " + pidFile + ": " + e);
        }
    }

    private static Optional<String> setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
