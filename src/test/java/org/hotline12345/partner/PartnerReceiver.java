package org.hotline12345.partner;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hotline12345.support.Ports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's callback endpoint, a real HTTP server on a free port: it checks each event's signature with the
 * partner's secret (computed here, independently of the service's code), keeps every delivery it took, and can go
 * down and come back, answer with 500s, or answer too slowly for the service's timeout.
 */
final class PartnerReceiver implements AutoCloseable {

    /** One request that reached the receiver, with whether its signature was right. */
    record Delivery(String eventId, String number, long position, String type, JsonNode event, boolean signed,
            boolean taken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String path;
    private volatile String secret;
    private volatile HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger slowLeft = new AtomicInteger();
    private volatile long slowMillis;

    PartnerReceiver(String path) throws IOException {
        this.port = Ports.free();
        this.path = path;
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + path + "?from=hotline";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /** Goes down: connections are refused. */
    void down() {
        server.stop(0);
    }

    /** Comes back on the same port. */
    void up() throws IOException, InterruptedException {
        for (int attempt = 0;; attempt++) {
            try {
                start();
                return;
            } catch (BindException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The next {@code count} requests are answered 500 (and not taken). */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    /** The next {@code count} requests are taken but answered after {@code millis}. */
    void slowNext(int count, long millis) {
        slowMillis = millis;
        slowLeft.set(count);
    }

    /** Every request that reached the receiver, in arrival order. */
    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** The events taken, each event id once (the first time), in arrival order. */
    List<Delivery> taken() {
        List<Delivery> taken = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.taken() && !seen.contains(delivery.eventId())) {
                seen.add(delivery.eventId());
                taken.add(delivery);
            }
        }
        return taken;
    }

    List<Delivery> taken(String number) {
        return taken().stream().filter(delivery -> delivery.number().equals(number)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void start() throws IOException {
        HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        started.createContext(path, this::handle);
        started.setExecutor(Executors.newFixedThreadPool(4));
        started.start();
        server = started;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String target = exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery();
        String timestamp = exchange.getRequestHeaders().getFirst("X-Timestamp");
        boolean signed = timestamp != null && hmac(secret, "POST\n" + target + "\n" + timestamp + "\n" + sha256(body))
                .equals(exchange.getRequestHeaders().getFirst("X-Signature"));
        JsonNode event = JSON.readTree(body);
        boolean fail = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        boolean slow = !fail && slowLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        deliveries.add(new Delivery(event.path("id").asText(), event.path("workOrder").path("number").asText(),
                event.path("position").asLong(), event.path("type").asText(), event, signed, signed && !fail));
        if (slow) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = !signed ? 401 : fail ? 500 : 204;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
