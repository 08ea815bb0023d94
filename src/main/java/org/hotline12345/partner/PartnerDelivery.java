package org.hotline12345.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Pushes the outbox's events to the partners' callback URLs as signed JSON: one thread claims what is due, as many
 * as there are free delivery slots, and hands each to a pool; it wakes when an event is committed, when a delivery
 * ends, and every second for retries. A 2xx answer is a delivery; anything else (an error status, a timeout, no
 * connection) is tried again after {@code retry-delay}, doubled with each attempt up to {@code max-delay}, until
 * {@code max-attempts}, then the event is DEAD for an administrator to replay. An event may reach a partner more
 * than once (its answer lost, a claim run out): partners deduplicate by the event's id.
 */
@ApplicationScoped
public class PartnerDelivery {

    /** The path and query the signature covers is that of the callback URL. */
    static final String EVENT_ID = "X-Hotline-Event-Id";
    static final String TIMESTAMP = "X-Timestamp";
    static final String SIGNATURE = "X-Signature";

    private static final Logger LOG = Logger.getLogger(PartnerDelivery.class);
    private static final Duration IDLE = Duration.ofSeconds(1);

    @Inject
    PartnerConfig config;

    @Inject
    PartnerOutbox outbox;

    @Inject
    PartnerService partners;

    @Inject
    Clock clock;

    private HttpClient http;
    private ExecutorService pool;
    private Semaphore slots;
    private Thread loop;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean stopped;

    void start(@Observes StartupEvent startup) {
        PartnerConfig.Delivery delivery = config.delivery();
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(delivery.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "partner-push-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(delivery.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        slots = new Semaphore(delivery.concurrency());
        loop = new Thread(this::run, "partner-outbox");
        loop.setDaemon(true);
        loop.start();
    }

    /** Stops before the database goes: an event under way is either recorded or taken again after its claim. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopped = true;
        if (loop == null) {
            return;
        }
        wakeUp();
        loop.join(TimeUnit.SECONDS.toMillis(5));
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    void wakeUp() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (!stopped) {
            try {
                int free = slots.availablePermits();
                Instant now = clock.instant();
                List<PartnerOutbox.Outgoing> due = free == 0
                        ? List.of()
                        : outbox.claim(free, now, now.plus(config.delivery().timeout().multipliedBy(2)));
                for (PartnerOutbox.Outgoing event : due) {
                    slots.acquire();
                    pool.execute(() -> {
                        try {
                            deliver(event);
                        } catch (RuntimeException e) {
                            // its outcome could not be stored: the claim runs out and the event goes again
                            LOG.warnf(e, "Could not record the delivery of partner event %s", event.eventId());
                        } finally {
                            slots.release();
                            wakeUp();
                        }
                    });
                }
                if (due.size() < free || free == 0) {
                    awaitSignal();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database may be away for a moment; the loop must outlive it
                LOG.warnf(e, "Could not take partner events from the outbox; trying again");
                try {
                    awaitSignal();
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void awaitSignal() throws InterruptedException {
        synchronized (signal) {
            if (!signalled && !stopped) {
                signal.wait(IDLE.toMillis());
            }
            signalled = false;
        }
    }

    private void deliver(PartnerOutbox.Outgoing event) {
        String error;
        try {
            HttpResponse<String> response = http.send(request(event), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(event, clock.instant());
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        retryOrGiveUp(event, error);
    }

    private HttpRequest request(PartnerOutbox.Outgoing event) {
        URI url = URI.create(event.callbackUrl());
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        byte[] body = event.payload().getBytes(StandardCharsets.UTF_8);
        String pathAndQuery = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String signature = PartnerSignatures.sign(partners.currentSecret(event.partnerId()),
                PartnerSignatures.canonical("POST", pathAndQuery, timestamp, body));
        return HttpRequest.newBuilder(url).timeout(config.delivery().timeout())
                .header("Content-Type", "application/json; charset=utf-8").header(EVENT_ID, event.eventId())
                .header(TIMESTAMP, timestamp).header(SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private void retryOrGiveUp(PartnerOutbox.Outgoing event, String error) {
        int attempts = outbox.attempts(event.id());
        PartnerConfig.Delivery delivery = config.delivery();
        if (attempts >= delivery.maxAttempts()) {
            LOG.warnf("Partner event %s given up after %d attempts: %s", event.eventId(), attempts, error);
            outbox.failed(event.id(), error, null);
            return;
        }
        outbox.failed(event.id(), error, clock.instant().plus(backoff(attempts, delivery)));
    }

    /** The wait after the {@code attempts}-th failed attempt: retry-delay doubled each time, at most max-delay. */
    static Duration backoff(int attempts, PartnerConfig.Delivery delivery) {
        Duration wait = delivery.retryDelay().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(delivery.maxDelay()) > 0 ? delivery.maxDelay() : wait;
    }
}
