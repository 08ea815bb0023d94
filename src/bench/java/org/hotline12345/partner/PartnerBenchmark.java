package org.hotline12345.partner;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.support.BenchClients;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;

import com.sun.net.httpserver.HttpServer;

/**
 * The partner API against the packaged service and a local receiver (the JDK's HTTP server):
 * <ol>
 * <li>inbound: signed work-order submissions per second (signature, timestamp and idempotency checked, stored in
 * 待受理), {@code bench.clients} partners' clients at once, and the p50/p99 of a submission;</li>
 * <li>the backlog of a partner outage, simulated by volume: with the partner paused (its events wait as an outage's
 * do, all due), {@code bench.backlog} events are produced (work orders registered and handed over to it, one event
 * each; the default 6,000 is ten minutes at 10 events a second, a busy city's peak towards one platform); then the
 * partner is resumed and the time until the receiver holds every event is the drain time, and backlog / drain time
 * the outbound events per second to a local receiver, signatures checked by the receiver.</li>
 * </ol>
 * Options (the pom passes them): {@code bench.clients} (the pom's 64), {@code bench.submissions} (2,000),
 * {@code bench.backlog} (6,000).
 */
public final class PartnerBenchmark {

    private static final Pattern FIELD = Pattern.compile("\"(apiKey|secret|number)\"\\s*:\\s*\"([^\"]+)\"");

    private PartnerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int submissions = Integer.getInteger("bench.submissions", 2000);
        int backlog = Integer.getInteger("bench.backlog", 6000);
        int port = Ports.free();
        String base = "http://127.0.0.1:" + port;
        Set<String> received = ConcurrentHashMap.newKeySet();
        List<Boolean> badSignatures = Collections.synchronizedList(new ArrayList<>());
        String[] receiverSecret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.free()), 200);
        receiver.createContext("/events", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String canonical = "POST\n/events\n" + exchange.getRequestHeaders().getFirst("X-Timestamp") + "\n"
                    + PartnerReceiver.sha256(body);
            if (!PartnerReceiver.hmac(receiverSecret[0], canonical)
                    .equals(exchange.getRequestHeaders().getFirst("X-Signature"))) {
                badSignatures.add(true);
            }
            received.add(exchange.getRequestHeaders().getFirst("X-Hotline-Event-Id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        ExecutorService receiving = Executors.newFixedThreadPool(16);
        receiver.setExecutor(receiving);
        receiver.start();
        try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
            Process service = ServiceProcess.start(database, port,
                    Map.of("HOTLINE_PARTNER_SECRET_KEY", "benchmark-partner-secret-key-0123456789"),
                    "partner-benchmark.log");
            try {
                ServiceProcess.awaitReady(service, base, "partner-benchmark.log");
                HttpClient http = HttpClient.newHttpClient();
                String[] inbound = register(http, base, "bench-mailbox", "MAILBOX", null);
                submit(base, inbound, clients, Math.max(clients, submissions / 10), "warm-up");
                submit(base, inbound, clients, submissions, "measured");

                String[] platform = register(http, base, "bench-province", "PROVINCIAL_PLATFORM",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events");
                receiverSecret[0] = platform[1];
                BenchClients.post(http, base + "/api/admin/partners/bench-province/pause", "admin:demo12345", "");
                long produceStart = System.nanoTime();
                produce(base, clients, backlog);
                double produced = (System.nanoTime() - produceStart) / 1e9;
                System.out.printf("backlog: %d events produced (registered and handed over) in %.1f s while the "
                        + "partner was paused%n", backlog, produced);
                long drainStart = System.nanoTime();
                BenchClients.post(http, base + "/api/admin/partners/bench-province/resume", "admin:demo12345", "");
                long deadline = System.nanoTime() + java.time.Duration.ofMinutes(30).toNanos();
                while (received.size() < backlog && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                double drain = (System.nanoTime() - drainStart) / 1e9;
                System.out.printf(
                        "drain: %d of %d events delivered in %.1f s after the partner came back: %.0f events/s "
                                + "to the local receiver; bad signatures: %d%n",
                        received.size(), backlog, drain, received.size() / drain,
                        badSignatures.size());
            } finally {
                service.destroy();
                service.waitFor();
            }
        } finally {
            receiver.stop(0);
            // its threads are not daemons: left running, they would keep the benchmark's JVM alive after main
            receiving.shutdownNow();
        }
    }

    /** Registers a partner as the administrator: its API key and secret. */
    private static String[] register(HttpClient http, String base, String code, String kind, String callbackUrl)
            throws Exception {
        String body = "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"kind\":\"" + kind
                + "\",\"requestTypes\":[\"COMPLAINT\"],\"trusted\":false"
                + (callbackUrl == null ? "" : ",\"callbackUrl\":\"" + callbackUrl + "\"") + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/partners"))
                .header("Authorization", BenchClients.basic("admin:demo12345"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering " + code + ": " + response.body());
        }
        return new String[]{field(response.body(), "apiKey"), field(response.body(), "secret")};
    }

    private static void submit(String base, String[] partner, int clients, int total, String label)
            throws Exception {
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                HttpClient http = HttpClient.newHttpClient();
                for (int i = client; i < total; i += clients) {
                    byte[] body = ("{\"externalId\":\"" + label + "-" + i + "\",\"requestType\":\"COMPLAINT\","
                            + "\"title\":\"施工噪音扰民 " + i + "\",\"content\":\"夜间施工噪音扰民，请查处（第 " + i
                            + " 件）\",\"citizen\":{\"name\":\"压测市民\",\"phone\":\"139" + String.format("%08d", i)
                            + "\"},\"location\":{\"district\":\"城东区\",\"street\":\"东门街道\"},"
                            + "\"categoryCode\":\"010101\"}").getBytes(StandardCharsets.UTF_8);
                    String timestamp = String.valueOf(Instant.now().getEpochSecond());
                    String signature = PartnerReceiver.hmac(partner[1],
                            "POST\n/api/partner/v1/work-orders\n" + timestamp + "\n" + PartnerReceiver.sha256(body));
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/partner/v1/work-orders"))
                                    .header("Content-Type", "application/json").header("X-Api-Key", partner[0])
                                    .header("X-Timestamp", timestamp).header("X-Signature", signature)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    millis.add((System.nanoTime() - t0) / 1_000_000);
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("submission answered " + response.statusCode() + ": "
                                + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("inbound %s: %d signed submissions by %d clients in %.1f s: %.1f submissions/s; p50 %d ms, "
                + "p99 %d ms%n", label, total, clients, seconds, total / seconds, percentile(millis, 50),
                percentile(millis, 99));
    }

    /** Registers work orders and hands each over to the provincial platform: one event each. */
    private static void produce(String base, int clients, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                HttpClient http = HttpClient.newHttpClient();
                for (int i = client; i < total; i += clients) {
                    String registration = "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"citizen\":{\"name\":"
                            + "\"压测市民\",\"phone\":\"13812345678\"},\"title\":\"外地诉求 " + i + "\",\"content\":"
                            + "\"外地事项，转外地办理。\",\"categoryCode\":\"010101\",\"autoDispatch\":false}";
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/work-orders"))
                                    .header("Authorization", BenchClients.basic("agent:demo12345"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(registration)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String number = field(response.body(), "number");
                    BenchClients.post(http, base + "/api/work-order-handovers/" + number, "agent:demo12345",
                            "{\"partnerCode\":\"bench-province\"}");
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    private static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted
                .get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)));
    }
}
