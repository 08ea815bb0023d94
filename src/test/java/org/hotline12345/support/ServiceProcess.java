package org.hotline12345.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hotline12345.database.EmbeddedDatabase;

/** The packaged service as its own JVM, for benchmarks and *IT tests: its log in target/. */
public final class ServiceProcess {

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
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("HOTLINE_FIRST_RUN_DATA_ENABLED", "true");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of("target", log).toFile());
        return builder.start();
    }

    /** Waits until {@code service} answers ready; fails at once if it exits first. */
    public static void awaitReady(Process service, String base, String log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
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
