package org.hotline12345.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hotline12345.common.ClaimLoop;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Pushes the outbox's events to the partners' callback URLs as signed JSON, through a {@link ClaimLoop} as wide as
 * {@code concurrency}. A 2xx answer is a delivery; anything else (an error status, a timeout, no
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

    @Inject
    PartnerConfig config;

    @Inject
    PartnerOutbox outbox;

    @Inject
    PartnerService partners;

    @Inject
    Clock clock;

    private HttpClient http;
    private ClaimLoop<PartnerOutbox.Outgoing> loop;

    void start(@Observes StartupEvent startup) {
        PartnerConfig.Delivery delivery = config.delivery();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(delivery.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        loop = new ClaimLoop<>(LOG, "partner-outbox", delivery.concurrency(), free -> {
            Instant now = clock.instant();
            return outbox.claim(free, now, now.plus(delivery.timeout().multipliedBy(2)));
        }, this::deliver, () -> true, event -> "partner event " + event.eventId());
        loop.start();
    }

    /** Stops before the database goes: an event under way is either recorded or taken again after its claim. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Pushes what was written in the current transaction as soon as it commits, rather than at the next round. */
    void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        loop.wakeUpAfterCommit(transactions);
    }

    void wakeUp() {
        loop.wakeUp();
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
