package org.hotline12345.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service on its embedded defaults, as the README's first command starts it: the first start on a fresh
 * data directory is quiet (no error, no stack trace, no warning a newcomer could not act on), a work order registered
 * before a stop (SIGTERM) is there after the restart, and the stop is clean: the database is stopped last, after the
 * scheduler and the registration writer, so nothing logs an error on the way out and no server is left running. Its
 * secrets (the session key, the database's password) are made once, kept beside the data for their owner alone and
 * never logged, and a page session survives the restart.
 */
class EmbeddedServiceIT {

    private static final String AGENT = "Basic "
            + Base64.getEncoder().encodeToString("agent:demo12345".getBytes(StandardCharsets.UTF_8));
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([0-9-]+)\"");

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStopIsCleanAndTheDataSurvivesIt() throws Exception {
        int databasePort = Ports.free();
        int httpPort = Ports.free();
        String base = "http://localhost:" + httpPort;

        Process first = start(databasePort, httpPort, "embedded-service-1.log");
        String number;
        String session;
        try {
            ServiceProcess.awaitReady(first, base, "embedded-service-1.log");
            // a scheduled synchronisation of the knowledge index runs meanwhile (every 2 s here): it must not race
            // the first start's import and rebuild
            Thread.sleep(6000);
            assertThat(noisy(Path.of("target", "embedded-service-1.log"))).as("the first start's log").isEmpty();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/work-orders"))
                    .header("Authorization", AGENT).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(registration(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher matcher = NUMBER.matcher(created.body());
            assertThat(matcher.find()).isTrue();
            number = matcher.group(1);
            session = ServiceProcess.signIn(http, base, "agent", "demo12345").orElseThrow();
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + databasePort + "/hotline", "postgres", "").close())
                    .as("the embedded PostgreSQL asks for its password").isInstanceOf(SQLException.class);
        } finally {
            stop(first);
        }
        String log = Files.readString(Path.of("target", "embedded-service-1.log"));
        assertThat(log).contains("Stopping the embedded PostgreSQL");
        // nothing still running when the database goes (a sender's claim, a buffered write) complains on the way out
        assertThat(noisy(Path.of("target", "embedded-service-1.log"))).as("the first start's and stop's log").isEmpty();
        for (Path secret : new Path[]{data.resolve("data/session.key"), data.resolve("postgres.password")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(log).as("the log holds no secret").doesNotContain(Files.readString(secret).strip());
        }
        assertThat(data.resolve("postgres/postmaster.pid")).as("the server stopped with the service").doesNotExist();

        Process second = start(databasePort, httpPort, "embedded-service-2.log");
        try {
            ServiceProcess.awaitReady(second, base, "embedded-service-2.log");
            HttpResponse<String> detail = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/work-orders/" + number))
                            .header("Authorization", AGENT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(detail.body()).contains("停车场收费不合理 重启前");
            HttpResponse<String> desktop = http.send(HttpRequest.newBuilder(URI.create(base + "/agent"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(desktop.statusCode()).as("the page session survives the restart").isEqualTo(200);
        } finally {
            stop(second);
        }
    }

    /** Errors, warnings and stack traces in a service's log, but for the session key's (issue 17.1 keeps them). */
    private static List<String> noisy(Path log) throws IOException {
        return Files.readAllLines(log).stream()
                // text lines, or JSON lines where QUARKUS_LOG_CONSOLE_JSON_ENABLED is set (quarkus-logging-json)
                .filter(line -> line.contains(" ERROR ") || line.contains(" WARN ") || line.startsWith("\tat ")
                        || line.contains("\"level\":\"ERROR\"") || line.contains("\"level\":\"WARN\""))
                .filter(line -> !line.contains("HOTLINE_SESSION_KEY") && !line.contains("persistent FORM auth"))
                .toList();
    }

    private Process start(int databasePort, int httpPort, String log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(ServiceProcess.jar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(data.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_DATASOURCE"));
        builder.environment().put("HOTLINE_EMBEDDED_DB_DIRECTORY", data.resolve("postgres").toString());
        builder.environment().put("HOTLINE_EMBEDDED_DB_PORT", String.valueOf(databasePort));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        builder.environment().put("HOTLINE_KNOWLEDGE_DIRECTORY", Path.of("knowledge-base").toAbsolutePath().toString());
        builder.environment().put("HOTLINE_KNOWLEDGE_SYNC_EVERY", "2s");
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of("target", log).toAbsolutePath().toFile());
        return builder.start();
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(60, TimeUnit.SECONDS)) {
            service.destroyForcibly();
            throw new AssertionError("the service did not stop within 60 s of SIGTERM");
        }
    }

    private static String registration() {
        return """
                {"channel":"PHONE","requestType":"COMPLAINT",
                 "citizen":{"name":"王五","phone":"13900002222","occupation":"OTHER"},
                 "title":"停车场收费不合理 重启前","content":"小区停车场临时停车收费标准未公示。",
                 "location":{"district":"城东区","street":"东门街道","address":"幸福路8号"},
                 "categoryCode":"010101","autoDispatch":false}""";
    }
}
