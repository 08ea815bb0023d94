package org.hotline12345.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/** The HTTP and WebSocket clients the benchmarks play the service's users with. */
public final class BenchClients {

    private BenchClients() {
    }

    /** POSTs JSON with basic credentials ({@code user:password}); fails on anything but success. */
    public static Void post(HttpClient http, String uri, String credentials, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", basic(credentials)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return null;
    }

    /** Opens {@code /ws/telephony} as each of {@code credentials}; every text frame goes to {@code received}. */
    public static void openTelephonySockets(Vertx vertx, int port, List<String> credentials,
            Consumer<String> received) throws InterruptedException {
        io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxWebSockets(credentials.size() + 10));
        CountDownLatch open = new CountDownLatch(credentials.size());
        for (String each : credentials) {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port)
                    .setURI("/ws/telephony").addHeader("Authorization", basic(each));
            client.webSocket(options).onSuccess(socket -> {
                socket.textMessageHandler(received::accept);
                open.countDown();
            }).onFailure(failure -> {
                throw new IllegalStateException("a WebSocket did not open", failure);
            });
        }
        if (!open.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("only " + (credentials.size() - open.getCount()) + " WebSockets opened");
        }
    }

    public static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
