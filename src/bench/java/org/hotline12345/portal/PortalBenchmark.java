package org.hotline12345.portal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.sms.TestSmsc;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;

/**
 * Portal submissions against the packaged service and a {@link TestSmsc}: each client, with its own phone, asks for a
 * code, takes it from the SMSC, submits, and reads its receipt page; the submission is then in the agents' list
 * 待受理 (the receipt page comes after its commit) and its receipt text is awaited at the SMSC. Prints submissions per
 * second and the submit's p50/p99, the time from submitting to the receipt reaching the SMSC (p50/p99, against the
 * 3-minute rule), and the texts per second the SMSC took against the window.
 * <p>
 * Options: {@code bench.clients} (default 16), {@code bench.workOrders} submissions in all (default 800), and the
 * SMSC's {@code bench.window} (default 10) and {@code bench.smsRate} per second (default 200).
 */
public final class PortalBenchmark {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("id=\"receipt-number\">([0-9-]+)<");

    private PortalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int total = Integer.getInteger("bench.workOrders", 800);
        int window = Integer.getInteger("bench.window", 10);
        int smsRate = Integer.getInteger("bench.smsRate", 200);
        int port = Ports.free();
        String base = "http://127.0.0.1:" + port;
        try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
                TestSmsc smsc = TestSmsc.start("hotline", "bench123")) {
            Process service = ServiceProcess.start(database, port, Map.ofEntries(
                    Map.entry("HOTLINE_SMS_SMSC_HOST", "127.0.0.1"),
                    Map.entry("HOTLINE_SMS_SMSC_PORT", String.valueOf(smsc.port())),
                    Map.entry("HOTLINE_SMS_SMSC_SYSTEM_ID", "hotline"),
                    Map.entry("HOTLINE_SMS_SMSC_PASSWORD", "bench123"),
                    Map.entry("HOTLINE_SMS_WINDOW", String.valueOf(window)),
                    Map.entry("HOTLINE_SMS_RATE", String.valueOf(smsRate)),
                    // every client is on this machine's one address; the quiet hours would hold nothing urgent anyway
                    Map.entry("HOTLINE_PORTAL_CODES_PER_ADDRESS_PER_HOUR", "1000000"),
                    Map.entry("HOTLINE_PORTAL_SUBMISSIONS_PER_ADDRESS_PER_HOUR", "1000000"),
                    Map.entry("HOTLINE_PORTAL_SUBMISSIONS_PER_PHONE_PER_DAY", "1000000"),
                    Map.entry("HOTLINE_PORTAL_CODES_PER_PHONE_PER_DAY", "1000000"),
                    Map.entry("HOTLINE_PORTAL_CODE_INTERVAL", "PT0S")), "portal-benchmark.log");
            try {
                ServiceProcess.awaitReady(service, base, "portal-benchmark.log");
                run(base, smsc, clients, Math.max(clients, total / 10), "warm-up");
                smsc.resetMaxInFlight();
                run(base, smsc, clients, total, "measured");
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static void run(String base, TestSmsc smsc, int clients, int total, String label) throws Exception {
        List<Long> submitMillis = Collections.synchronizedList(new ArrayList<>());
        Map<String, Instant> submittedAt = new ConcurrentHashMap<>();
        int sentBefore = smsc.submitted.size();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                for (int i = client; i < total; i += clients) {
                    String phone = String.format("139%08d", (label.equals("warm-up") ? 50_000_000 : 0) + i);
                    String token = csrf(http, base + "/public/submit");
                    post(http, base + "/public/submit/code", Map.of("csrf-token", token, "phone", phone));
                    String code = awaitCode(smsc, phone);
                    String body = "夜间施工噪音扰民，请查处（第 " + i + " 件）";
                    long t0 = System.nanoTime();
                    Instant at = Instant.now();
                    String receipt = post(http, base + "/public/submit", Map.of("csrf-token", token, "requestType",
                            "COMPLAINT", "title", "施工噪音 " + label + " " + i, "content", body, "name", "压测市民",
                            "phone", phone, "code", code, "privacy", "true"));
                    submitMillis.add((System.nanoTime() - t0) / 1_000_000);
                    Matcher number = NUMBER.matcher(receipt);
                    if (!number.find()) {
                        throw new IllegalStateException("no receipt for " + phone + ": " + receipt);
                    }
                    submittedAt.put(number.group(1), at);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the receipt texts: from each submission to its arrival at the SMSC
        List<Long> receiptMillis = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (Map.Entry<String, Instant> submitted : submittedAt.entrySet()) {
            Optional<TestSmsc.Message> receipt = Optional.empty();
            while (receipt.isEmpty() && System.nanoTime() < deadline) {
                receipt = smsc.messages.stream().filter(m -> m.text().contains(submitted.getKey())).findFirst();
                if (receipt.isEmpty()) {
                    Thread.sleep(20);
                }
            }
            receiptMillis.add(receipt.map(m -> Duration.between(submitted.getValue(), m.at()).toMillis())
                    .orElse(Long.MAX_VALUE));
        }
        List<TestSmsc.Submitted> parts = smsc.submitted.subList(sentBefore, smsc.submitted.size());
        double smsSeconds = Math.max(0.001, Duration.between(parts.get(0).at(), parts.get(parts.size() - 1).at())
                .toMillis() / 1000.0);
        pool.shutdown();
        System.out.printf("%s: %d submissions by %d clients in %.1f s: %.1f submissions/s (each with its code "
                + "requested, read at the SMSC and verified)%n", label, total, clients, seconds, total / seconds);
        System.out.printf("  submit (code verified, stored in 待受理, receipt page): p50 %d ms, p99 %d ms%n",
                percentile(submitMillis, 50), percentile(submitMillis, 99));
        System.out.printf("  submission to receipt text at the SMSC: p50 %d ms, p99 %d ms, max %d ms (rule: 180000)%n",
                percentile(receiptMillis, 50), percentile(receiptMillis, 99), percentile(receiptMillis, 100));
        System.out.printf("  SMSC took %d parts in %.1f s: %.1f texts/s; most awaiting a response at once: %d "
                + "(window)%n", parts.size(), smsSeconds, parts.size() / smsSeconds, smsc.maxInFlight());
    }

    private static String awaitCode(TestSmsc smsc, String phone) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> code = smsc.lastCode(phone);
            if (code.isPresent()) {
                return code.get();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no code reached the SMSC for " + phone);
    }

    private static String csrf(HttpClient http, String page) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(page)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = TOKEN.matcher(body);
        if (!token.find()) {
            throw new IllegalStateException(page + " carries no CSRF token");
        }
        return token.group(1);
    }

    private static String post(HttpClient http, String url, Map<String, String> form) throws Exception {
        StringBuilder encoded = new StringBuilder();
        form.forEach((key, value) -> encoded.append(encoded.isEmpty() ? "" : "&").append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted
                .get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)));
    }
}
