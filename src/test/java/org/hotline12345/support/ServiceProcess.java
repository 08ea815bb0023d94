package org.hotline12345.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline12345.common.SecretFiles;
import org.hotline12345.database.EmbeddedDatabase;

/** The packaged service as its own JVM, for benchmarks and *IT tests: its log in target/. */
public final class ServiceProcess {

    /** The session key of every service these tests start on one database, so that a session is valid on each. */
    public static final String SESSION_KEY = SecretFiles.generate();

    private ServiceProcess() {
    }

    /** The packaged service's jar, which {@code ./mvnw package} builds. */
    public static Path jar() {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests first");
        }
        return jar;
    }

    /**
     * Starts the service with the first-run data and {@code environment} on top; {@code bench.serviceJvmArgs} adds JVM
     * options (e.g. a profiler agent).
     */
    public static Process start(EmbeddedDatabase database, int port, Map<String, String> environment, String log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvmArgs = System.getProperty("bench.serviceJvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(Arrays.asList(jvmArgs.strip().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", database.username());
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("HOTLINE_FIRST_RUN_DATA_ENABLED", "true");
        // production with a configured database requires a session key; several instances share this one
        builder.environment().put("HOTLINE_SESSION_KEY", SESSION_KEY);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of("target", log).toFile());
        return builder.start();
    }

    /**
     * Signs in through the login form as a browser does, CSRF token included; the session cookie as {@code name=value},
     * empty where the login was refused.
     */
    public static Optional<String> signIn(HttpClient http, String base, String user, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String csrfCookie = cookie(login, "csrf-token").orElseThrow();
        String form = "csrf-token=" + encode(Pages.token(login.body())) + "&j_username=" + encode(user)
                + "&j_password=" + encode(password);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return cookie(response, Pages.SESSION_COOKIE).filter(c -> !c.endsWith("="));
    }

    /** The cookie {@code name} the response sets, as {@code name=value}. */
    public static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c).findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Waits until {@code service} answers ready; fails at once if it exits first. */
    public static void awaitReady(Process service, String base, String log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        // a loaded machine (several builds at once) has taken over three minutes to start the service
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(
                        "the service exited with " + service.exitValue() + " before it was ready; see target/" + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become ready; see target/" + log);
    }
}
