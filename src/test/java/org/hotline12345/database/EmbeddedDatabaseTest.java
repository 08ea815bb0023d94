package org.hotline12345.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.hotline12345.support.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default keeps its data across restarts, a commit is on disk when it returns, every connection needs the
 * password kept beside the data, and a server left running by a killed JVM is stopped even while others are connected.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void dataSurvivesARestart() throws Exception {
        int port = Ports.free();
        try (EmbeddedDatabase first = EmbeddedDatabase.startPersistent(directory.resolve("pg"), port)) {
            execute(first, "create table kept (value text)", "insert into kept values ('受理')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.startPersistent(directory.resolve("pg"), port);
                Connection connection = connect(second);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("受理");
        }
    }

    @Test
    void aCommitWaitsForTheDisk() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory.resolve("pg"), Ports.free());
                Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void everyConnectionNeedsThePasswordKeptBesideTheData() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory.resolve("pg"), Ports.free())) {
            Path file = directory.resolve("pg.password");
            assertThat(file).isEqualTo(EmbeddedDatabase.passwordFile(directory.resolve("pg")));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file).strip()).isEqualTo(database.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl()).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres").close())
                    .isInstanceOf(SQLException.class);
            connect(database).close();
        }
    }

    @Test
    void aDataDirectoryMadeWithoutAPasswordGetsOneAndKeepsItsData() throws Exception {
        int port = Ports.free();
        Path data = directory.resolve("pg");
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(port).setPGStartupWait(Duration.ofSeconds(60)).start();
                Connection connection = before.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('升级前')");
        }
        try (EmbeddedDatabase upgraded = EmbeddedDatabase.startPersistent(data, port)) {
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl().replace("/hotline", "/postgres"))
                    .close()).isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(
                    upgraded.jdbcUrl().replace("/hotline", "/postgres"), "postgres", upgraded.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select value from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("升级前");
            }
        }
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedEvenWhileAnotherInstanceIsConnected() throws Exception {
        int port = Ports.free();
        Path data = directory.resolve("pg");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Owner.class.getName(), data.toString(), String.valueOf(port))
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream()))) {
            for (String line = output.readLine(); !Owner.READY.equals(line); line = output.readLine()) {
                assertThat(line).as("the owner's output ended before its server was ready").isNotNull();
            }
            String url = "jdbc:postgresql://localhost:" + port + "/hotline";
            String password = Files.readString(EmbeddedDatabase.passwordFile(data)).strip();
            // the second instance's connection, still open when the owner is killed
            try (Connection other = DriverManager.getConnection(url, "postgres", password);
                    Statement statement = other.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('kill -9 之前')");
                owner.destroyForcibly().waitFor();
                long started = System.nanoTime();
                try (EmbeddedDatabase restarted = EmbeddedDatabase.startPersistent(data, port);
                        Connection connection = connect(restarted);
                        Statement query = connection.createStatement();
                        ResultSet rows = query.executeQuery("select value from kept")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("kill -9 之前");
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
                }
            }
        } finally {
            owner.destroyForcibly();
        }
    }

    /** A JVM that owns a persistent server, to be killed without its shutdown hooks. */
    public static final class Owner {

        static final String READY = "owner ready";

        public static void main(String... args) throws InterruptedException {
            EmbeddedDatabase.startPersistent(Path.of(args[0]), Integer.parseInt(args[1]));
            System.out.println(READY);
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
