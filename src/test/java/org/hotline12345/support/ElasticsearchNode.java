package org.hotline12345.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real, single-node Elasticsearch for tests and benchmarks, started from the integ-test distribution on Maven
 * Central (the build copies it to {@code target/elasticsearch}). Elasticsearch refuses to run as root: as root, the
 * node runs as a dedicated system user, created here with {@code useradd} on first use, through {@code runuser}.
 */
public final class ElasticsearchNode implements AutoCloseable {

    /** Path of the distribution zip; set by the build for tests and benchmarks. */
    public static final String ZIP_PROPERTY = "hotline.test.elasticsearch.zip";
    private static final String SYSTEM_USER = "hotline-es";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Path home;
    private final Process process;
    private final Path log;
    private final int port;

    private ElasticsearchNode(Path home, Process process, Path log, int port) {
        this.home = home;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The shared node's address, a system property because Quarkus tests load this class again in their own class
     * loader, where a static field would start a second node.
     */
    private static final String SHARED_URL = "hotline.test.elasticsearch.url";

    /** One node for the whole test run (or benchmark), started on first use and stopped when the JVM exits. */
    public static String sharedUrl() {
        synchronized (System.getProperties()) {
            String url = System.getProperty(SHARED_URL);
            if (url == null) {
                ElasticsearchNode node = start();
                Runtime.getRuntime().addShutdownHook(new Thread(node::close));
                url = node.url();
                System.setProperty(SHARED_URL, url);
            }
            return url;
        }
    }

    /** Unpacks a fresh node into a temporary directory and starts it; returns once the cluster is usable. */
    public static ElasticsearchNode start() {
        String zip = System.getProperty(ZIP_PROPERTY);
        if (zip == null || !Files.isRegularFile(Path.of(zip))) {
            throw new IllegalStateException("The Elasticsearch distribution is missing (" + zip
                    + "); run the build through Maven, which copies it to target/elasticsearch");
        }
        try {
            Path base = Files.createTempDirectory("hotline-es");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path home = unzip(Path.of(zip), base);
            Path data = Files.createDirectories(base.resolve("data"));
            Path logs = Files.createDirectories(base.resolve("logs"));
            Path log = base.resolve("console.log");
            int port = freePort();
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> command = new ArrayList<>();
            if (root) {
                ensureSystemUser();
                run(List.of("chown", "-R", SYSTEM_USER, base.toString()));
                command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
            }
            command.addAll(List.of(home.resolve("bin/elasticsearch").toString(),
                    "-E", "discovery.type=single-node",
                    "-E", "network.host=127.0.0.1",
                    "-E", "http.port=" + port,
                    "-E", "transport.port=" + freePort(),
                    "-E", "xpack.security.enabled=false",
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                    "-E", "path.data=" + data,
                    "-E", "path.logs=" + logs));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            ElasticsearchNode node = new ElasticsearchNode(base, builder.start(), log, port);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stopProcess();
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private void stopProcess() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited during start-up:\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url()
                        + "/_cluster/health?wait_for_status=yellow&timeout=1s")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        stopProcess();
        throw new IllegalStateException("Elasticsearch did not start within " + STARTUP + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        Path home = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (home == null) {
                    home = target.resolve(Path.of(entry.getName()).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            for (Path script : scripts.toList()) {
                script.toFile().setExecutable(true, false);
            }
        }
        return home;
    }

    private static void ensureSystemUser() throws IOException {
        if (run(List.of("id", "-u", SYSTEM_USER)) != 0
                && run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        SYSTEM_USER)) != 0) {
            throw new IOException("cannot create the system user " + SYSTEM_USER + " to run Elasticsearch");
        }
    }

    private static int run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            out.transferTo(OutputStream.nullOutputStream());
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
