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
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import org.hotline12345.common.SecretFiles;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: a real PostgreSQL server run from Maven artifacts, so that a fresh clone needs nothing but a
 * JDK. Used by {@code HotlineMain} when no datasource is configured, by the tests and by the benchmarks.
 * <p>
 * Settings are read from system properties or the matching environment variables ({@code HOTLINE_EMBEDDED_DB_PORT}
 * and so on) because they are needed before Quarkus reads its configuration.
 * <p>
 * A persistent server requires a password on every connection: one made on its first start and kept beside its data
 * directory ({@code data/postgres.password}, mode 0600); a data directory made before that gets it on its next start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Set to {@code true} once the embedded server backs the service; first-run data is loaded only then. */
    public static final String ACTIVE_PROPERTY = "hotline.embedded-db.active";
    public static final String DATABASE_NAME = "hotline";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final String USER = "postgres";
    private static final String PASSWORD_HBA = """
            # Written by the hotline service: every connection needs the password kept beside the data directory.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static EmbeddedDatabase serving;
    private static volatile boolean serviceStarted;
    private static final CountDownLatch servingStopped = new CountDownLatch(1);

    private final EmbeddedPostgres postgres;
    /** Empty for a throw-away server, which trusts local connections. */
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
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
        // zonky's own hook would stop the server while the service still uses it; it stops last instead
        EmbeddedDatabase database = startPersistent(directory, port, false);
        serving = database;
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopServingAtExit, "embedded-db-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", USER);
        System.setProperty("quarkus.datasource.password", database.password());
        System.setProperty(ACTIVE_PROPERTY, "true");
        LOG.info(() -> "Embedded PostgreSQL listening on localhost:" + port + ", data in " + directory);
    }

    /**
     * A server whose data directory survives restarts, durable on disk: fsync on, and a commit waits for its
     * write-ahead log to reach the disk (zonky turns {@code synchronous_commit} off, which suits throw-away servers
     * only).
     */
    public static EmbeddedDatabase startPersistent(Path directory, int port) {
        return startPersistent(directory, port, true);
    }

    private static EmbeddedDatabase startPersistent(Path directory, int port, boolean stopWithJvm) {
        stopOrphanedServer(directory);
        String password = SecretFiles.readOrCreate(passwordFile(directory));
        EmbeddedDatabase database = start(persistent(directory, port, password).setRegisterShutdownHook(stopWithJvm),
                password);
        database.requirePassword(directory);
        return database;
    }

    /** Where a persistent server's password is kept: beside its data directory, e.g. data/postgres.password. */
    public static Path passwordFile(Path directory) {
        Path absolute = directory.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".password");
    }

    private static EmbeddedPostgres.Builder persistent(Path directory, int port, String password) {
        return EmbeddedPostgres.builder()
                // zonky checks that the server is up with this password; a server that still trusts ignores it
                .setConnectConfig("password", password)
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
        return start(EmbeddedPostgres.builder().setServerConfig("max_connections", "300"), "");
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder, String password) {
        try {
            EmbeddedPostgres postgres = builder.setPGStartupWait(Duration.ofSeconds(60)).start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
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

    /** The password every connection to a persistent server needs; empty for a throw-away one. */
    public String password() {
        return password;
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
     * Gives the superuser the password and makes the server ask every connection for it (initdb, as zonky runs it,
     * trusts every local connection). Idempotent; a data directory made before passwords gets one here.
     */
    private void requirePassword(Path directory) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // ALTER ROLE takes no parameters; the password is 43 Base64url characters, so quoting it is safe
            statement.execute("alter role " + USER + " password '" + password.replace("'", "''") + "'");
            Path hba = directory.resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(PASSWORD_HBA)) {
                Files.writeString(hba, PASSWORD_HBA);
                statement.execute("select pg_reload_conf()");
                LOG.info(() -> "The embedded PostgreSQL now requires the password kept in " + passwordFile(directory));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not give the embedded PostgreSQL its password", e);
        }
    }

    /**
     * A JVM killed without its shutdown hook (kill -9) leaves its postmaster running on the data directory, and the
     * next start would fail on its lock file; stop that server first, with a fast shutdown, which ends the
     * connections other instances still hold (a smart one would wait for them), and wait until it is gone.
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
            if (process.isEmpty()) {
                return;
            }
            LOG.warning(() -> "Stopping PostgreSQL " + pid + " left running on " + directory + " (fast shutdown)");
            signal("INT", pid);
            try {
                process.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warning(() -> "PostgreSQL " + pid + " is still running; stopping it immediately");
                signal("QUIT", pid);
                process.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warning(() -> "Could not stop the server of " + pidFile + ": " + e);
        }
    }

    /** Java stops processes only with SIGTERM (a smart shutdown to PostgreSQL) or SIGKILL; the others need kill(1). */
    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + signal + " " + pid + " exited with " + exit);
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
