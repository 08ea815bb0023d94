package org.hotline12345.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data across restarts, and a commit is on disk when it returns. */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void dataSurvivesARestart() throws SQLException {
        int port = 15432 + (int) (ProcessHandle.current().pid() % 1000) + 7;
        try (EmbeddedDatabase first = EmbeddedDatabase.startPersistent(directory.resolve("pg"), port)) {
            execute(first, "create table kept (value text)", "insert into kept values ('受理')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.startPersistent(directory.resolve("pg"), port);
                Connection connection = DriverManager.getConnection(second.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("受理");
        }
    }

    @Test
    void aCommitWaitsForTheDisk() throws SQLException {
        int port = 15432 + (int) (ProcessHandle.current().pid() % 1000) + 11;
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory.resolve("pg"), port);
                Connection connection = DriverManager.getConnection(database.jdbcUrl());
                Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
