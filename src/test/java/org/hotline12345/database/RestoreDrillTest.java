package org.hotline12345.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * scripts/restore-drill.sh against the tests' embedded PostgreSQL, in short form: the comparison it ends with, and
 * where a pg_dump of the server's major version is installed, the whole drill (dump, restore into a fresh server,
 * compare).
 */
@QuarkusTest
class RestoreDrillTest extends DatabaseTest {

    private static final String SCRIPT = "scripts/restore-drill.sh";

    @BeforeEach
    void psqlInstalled() {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "psql")));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI needs psql (postgresql-client, installed by .ci/run)");
        }
        Assumptions.assumeTrue(installed, "psql is not installed (apt-get install postgresql-client): drill not run");
    }

    @Test
    void theComparisonFindsTheDatabaseEqualToItselfAndMissesNothingInAnEmptyCopy() throws Exception {
        Api.registerDispatched("HOUSING");
        String source = sourceUrl();
        Run same = run(SCRIPT, "--source", source, "--target", source, "--compare-only");
        assertThat(same.exitCode()).as(same.output()).isZero();
        assertThat(same.output()).contains("restore-drill: OK").containsPattern("checksum work_order\\|[1-9]\\d*\\|")
                .containsPattern("checksum work_order_event\\|[1-9]\\d*\\|");

        // the same schema, migrated by Flyway, without the data: every table that holds rows is named
        try (EmbeddedDatabase empty = EmbeddedDatabase.startEphemeral()) {
            Flyway.configure().dataSource(empty.jdbcUrl(), empty.username(), empty.password())
                    .locations("classpath:db/migration").load().migrate();
            Run different = run(SCRIPT, "--source", source, "--target", libpq(empty.jdbcUrl(), empty.username()),
                    "--compare-only");
            assertThat(different.exitCode()).as(different.output()).isEqualTo(1);
            assertThat(different.output()).contains("restore-drill: DIFFERENT")
                    .containsPattern("< table work_order\\|[1-9]")
                    .contains("> table work_order|0").contains("> checksum work_order|0|0");
        }
    }

    @Test
    void theDrillRestoresTheDatabaseIntoAFreshServerAndFindsEveryRow() throws Exception {
        int serverMajor = serverMajor();
        Assumptions.assumeTrue(pgDumpFor(serverMajor), "the restore drill needs pg_dump " + serverMajor
                + " or newer (postgresql-client-" + serverMajor + "); only the comparison was tested");
        Api.registerDispatched("HOUSING");
        try (EmbeddedDatabase fresh = EmbeddedDatabase.startEphemeral()) {
            Run drill = run(SCRIPT, "--source", sourceUrl(), "--target", libpq(fresh.jdbcUrl(), fresh.username()));
            assertThat(drill.exitCode()).as(drill.output()).isZero();
            assertThat(drill.output()).contains("restore-drill: OK").contains("== restored")
                    .containsPattern("checksum work_order\\|[1-9]\\d*\\|");
        }
    }

    record Run(int exitCode, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("restore-drill.sh did not finish in 3 minutes");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private static String sourceUrl() {
        return libpq(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
    }

    /**
     * {@code jdbc:postgresql://localhost:5432/hotline?user=…} as libpq's
     * {@code postgresql://user@localhost:5432/hotline}.
     */
    private static String libpq(String jdbcUrl, String user) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "postgresql://" + user + "@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }

    private static int serverMajor() throws IOException, InterruptedException {
        Run version = run("psql", sourceUrl(), "-X", "-A", "-t", "-c",
                "select current_setting('server_version_num')::int / 10000");
        return Integer.parseInt(version.output().strip());
    }

    /** Whether the script finds a pg_dump it may use: on the PATH or Debian's for that major version. */
    private static boolean pgDumpFor(int serverMajor) throws InterruptedException {
        if (Files.isExecutable(Path.of("/usr/lib/postgresql/" + serverMajor + "/bin/pg_dump"))) {
            return true;
        }
        try {
            Matcher major = Pattern.compile("(\\d+)").matcher(run("pg_dump", "--version").output());
            return major.find() && Integer.parseInt(major.group(1)) >= serverMajor;
        } catch (IOException e) {
            return false;
        }
    }
}
