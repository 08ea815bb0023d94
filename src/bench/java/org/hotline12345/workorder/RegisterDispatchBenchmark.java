package org.hotline12345.workorder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.support.Latencies;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;

/**
 * Registers and dispatches work orders over HTTP with concurrent clients against the packaged service, and measures
 * the raw single-row insert rate of the same PostgreSQL beside it. Not a test: run it with the command in
 * docs/performance.md's
 * performance section, after {@code package}.
 * <p>
 * The warm-up runs in rounds of {@value #WARMUP_ROUND} work orders, each on fresh connections, so that the JIT has
 * compiled the paths that open and close connections too before the measured run opens its own: with a single round,
 * the measured run began with a burst of recompilation on these two cores.
 * <p>
 * Arguments (system properties): {@code bench.workOrders} (default 20000), {@code bench.clients} (64),
 * {@code bench.warmup} (100000), {@code bench.mode} ({@code combined}: one request registers and dispatches;
 * {@code separate}: register, then dispatch), {@code bench.perSecond} ({@code true} prints each second's figures),
 * {@code bench.serviceJvmArgs} (extra JVM options of the service, e.g. a profiler agent).
 */
public final class RegisterDispatchBenchmark {

    private static final String LOG = "benchmark-service.log";
    private static final int WARMUP_ROUND = 10_000;
    private static final String[] DEPARTMENTS = {"HOUSING", "SAMR", "D-EAST", "TRANSPORT", "HRSS", "URBAN"};
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([0-9-]+)\"");
    private static final String CREDENTIALS = "Basic "
            + Base64.getEncoder().encodeToString("agent:demo12345".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        int workOrders = Integer.getInteger("bench.workOrders", 20_000);
        int clients = Integer.getInteger("bench.clients", 64);
        int warmup = Integer.getInteger("bench.warmup", 100_000);
        boolean separate = "separate".equals(System.getProperty("bench.mode", "combined"));
        Path data = Files.createTempDirectory("hotline-bench");
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(data.resolve("pg"), Ports.free())) {
            int port = Ports.free();
            Process service = ServiceProcess.start(database, port, Map.of(), LOG);
            Vertx vertx = Vertx.vertx();
            try {
                ServiceProcess.awaitReady(service, "http://localhost:" + port, LOG);
                System.out.printf(Locale.ROOT, "%d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
                for (int done = 0; done < warmup; done += WARMUP_ROUND) {
                    run(vertx, port, Math.min(WARMUP_ROUND, warmup - done), clients, separate, DEPARTMENTS);
                }
                ProcessHandle postgres = ProcessHandle.of(Long.parseLong(
                        Files.readAllLines(data.resolve("pg/postmaster.pid")).get(0).strip())).orElseThrow();
                Duration serviceBefore = cpu(service.toHandle());
                Duration postgresBefore = cpuWithChildren(postgres);
                Duration clientBefore = cpu(ProcessHandle.current());
                Result http = run(vertx, port, workOrders, clients, separate, DEPARTMENTS);
                double perWorkOrder = 1.0 / workOrders;
                double serviceCpu = cpu(service.toHandle()).minus(serviceBefore).toNanos() / 1e6 * perWorkOrder;
                double postgresCpu = cpuWithChildren(postgres).minus(postgresBefore).toNanos() / 1e6 * perWorkOrder;
                double clientCpu = cpu(ProcessHandle.current()).minus(clientBefore).toNanos() / 1e6 * perWorkOrder;
                Result raw = rawInserts(database, workOrders, clients);
                System.out.printf(Locale.ROOT, "register%s dispatch over HTTP: %d work orders, %d clients%n",
                        separate ? " then" : " and", workOrders, clients);
                System.out.printf(Locale.ROOT, "  throughput %10.0f work orders/s%n", http.perSecond());
                System.out.printf(Locale.ROOT, "  latency    p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n",
                        http.percentile(50), http.percentile(99), http.percentile(100));
                System.out.printf(Locale.ROOT,
                        "  CPU per work order: service %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms%n",
                        serviceCpu, postgresCpu, clientCpu);
                if (Boolean.getBoolean("bench.perSecond")) {
                    http.printSeconds();
                }
                System.out.printf(Locale.ROOT,
                        "raw PostgreSQL single-row inserts: %d rows, %d connections, autocommit%n",
                        workOrders, clients);
                System.out.printf(Locale.ROOT, "  throughput %10.0f rows/s%n", raw.perSecond());
                System.out.printf(Locale.ROOT, "  latency    p50 %6.1f ms   p99 %6.1f ms%n", raw.percentile(50),
                        raw.percentile(99));
                System.out.printf(Locale.ROOT, "ratio: %.2f work orders per raw insert%n",
                        http.perSecond() / raw.perSecond());
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get();
                service.destroy();
                service.waitFor();
            }
        }
    }

    /** Latencies of one run and when each request was answered, in nanoseconds from its start, and its wall time. */
    private record Result(long[] latencies, long[] answeredAt, long elapsedNanos) {

        double perSecond() {
            return latencies.length * 1e9 / elapsedNanos;
        }

        double percentile(int p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return Latencies.millis(sorted, p);
        }

        /** Each second's throughput and latency, by when the requests were answered: where a tail comes from. */
        void printSeconds() {
            Map<Long, List<Long>> bySecond = new TreeMap<>();
            for (int i = 0; i < latencies.length; i++) {
                bySecond.computeIfAbsent(answeredAt[i] / 1_000_000_000L, second -> new ArrayList<>()).add(latencies[i]);
            }
            bySecond.forEach((second, inSecond) -> {
                long[] sorted = inSecond.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "  second %3d: %6d answered   p50 %6.1f ms   p99 %6.1f ms%n", second,
                        sorted.length, Latencies.millis(sorted, 50), Latencies.millis(sorted, 99));
            });
        }
    }

    /**
     * Keeps {@code clients} requests in flight on as many keep-alive connections, from one Vert.x event loop, so that
     * the load generator takes as little as possible of the CPU it shares with the service.
     */
    private static Result run(Vertx vertx, int port, int workOrders, int clients, boolean separate,
            String[] departments) throws Exception {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost")
                .setDefaultPort(port).setMaxPoolSize(clients).setKeepAlive(true));
        Result result = new Result(new long[workOrders], new long[workOrders], 0);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger running = new AtomicInteger(clients);
        CompletableFuture<Void> finished = new CompletableFuture<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            vertx.runOnContext(
                    ignored -> sendNext(http, next, running, start, result, separate, departments, finished));
        }
        try {
            finished.get();
            return new Result(result.latencies(), result.answeredAt(), System.nanoTime() - start);
        } finally {
            http.close();
        }
    }

    private static void sendNext(HttpClient http, AtomicInteger next, AtomicInteger running, long runStart,
            Result result, boolean separate, String[] departments, CompletableFuture<Void> finished) {
        int i = next.getAndIncrement();
        if (i >= result.latencies().length) {
            if (running.decrementAndGet() == 0) {
                finished.complete(null);
            }
            return;
        }
        String lead = departments[i % departments.length];
        long start = System.nanoTime();
        Future<String> done = separate
                ? post(http, "/api/work-orders", registration(i, null))
                        .compose(body -> post(http, "/api/work-orders/" + number(body) + "/dispatch",
                                "{\"leadDepartmentCode\":\"" + lead + "\"}"))
                : post(http, "/api/work-orders", registration(i, lead));
        done.onComplete(response -> {
            if (response.failed()) {
                finished.completeExceptionally(response.cause());
                return;
            }
            long answered = System.nanoTime();
            result.latencies()[i] = answered - start;
            result.answeredAt()[i] = answered - runStart;
            sendNext(http, next, running, runStart, result, separate, departments, finished);
        });
    }

    /** Registers and dispatches work orders to the departments in turn: the data other benchmarks measure on. */
    public static void load(int port, int workOrders, int clients, String... departments) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            run(vertx, port, workOrders, clients, false, departments);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    private static Future<String> post(HttpClient http, String uri, String body) {
        return http.request(HttpMethod.POST, uri)
                .compose(request -> request.putHeader("Authorization", CREDENTIALS)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                        .send(Buffer.buffer(body, "UTF-8")))
                .compose(response -> response.body().compose(content -> response.statusCode() < 300
                        ? Future.succeededFuture(content.toString(StandardCharsets.UTF_8))
                        : Future.failedFuture(uri + " answered " + response.statusCode() + ": " + content)));
    }

    private static Result rawInserts(EmbeddedDatabase database, int rows, int clients) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table bench_raw (id bigserial primary key, payload text not null,"
                    + " created_at timestamptz not null)");
        }
        long[] latencies = new long[rows];
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tasks.add(() -> {
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                        database.password());
                        PreparedStatement insert = connection
                                .prepareStatement("insert into bench_raw (payload, created_at) values (?, now())")) {
                    for (int i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        insert.setString(1, registration(i, null));
                        insert.executeUpdate();
                        latencies[i] = System.nanoTime() - start;
                    }
                }
                return null;
            });
        }
        return timed(tasks, latencies, clients);
    }

    private static Result timed(List<Callable<Void>> tasks, long[] latencies, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<java.util.concurrent.Future<Void>> futures = pool.invokeAll(tasks);
            for (java.util.concurrent.Future<Void> future : futures) {
                future.get();
            }
            return new Result(latencies, new long[0], System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String number(String body) {
        Matcher matcher = NUMBER.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no number in " + body);
        }
        return matcher.group(1);
    }

    /**
     * A realistic registration: a citizen's complaint with location and category, about 600 bytes of JSON. Without a
     * lead department it stays with the agent, who dispatches it next, instead of being dispatched automatically.
     */
    private static String registration(int i, String lead) {
        String dispatch = lead == null
                ? ",\"autoDispatch\":false"
                : ",\"dispatch\":{\"leadDepartmentCode\":\"" + lead + "\"}";
        return "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\","
                + "\"citizen\":{\"name\":\"市民" + i + "\",\"phone\":\"138" + String.format("%08d", i % 100_000_000)
                + "\",\"occupation\":\"ENTERPRISE_EMPLOYEE\"},"
                + "\"title\":\"小区物业擅自上调物业费 " + i + "\","
                + "\"content\":\"物业公司未经业主大会同意，自本月起将物业费由每平方米1.2元上调至1.8元，且未公示收费依据，"
                + "业主多次沟通无果，请相关部门核查处理。\","
                + "\"location\":{\"district\":\"城东区\",\"street\":\"东门街道\",\"address\":\"幸福路18号幸福小区\"},"
                + "\"categoryCode\":\"010101\"" + dispatch + "}";
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU of the postmaster and its backends; backends that exit during the run take theirs with them. */
    private static Duration cpuWithChildren(ProcessHandle postmaster) {
        return postmaster.descendants().map(RegisterDispatchBenchmark::cpu).reduce(cpu(postmaster), Duration::plus);
    }

    private RegisterDispatchBenchmark() {
    }
}
