package org.hotline12345.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hotline12345.common.ClaimLoop;
import org.hotline12345.workorder.PhoneNumbers;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the queued messages: one thread claims what is due, as many as the window has room for, and hands each to a
 * pool of as many threads as the window is wide; it wakes when a message is queued for now (after its transaction
 * commits), when a send finishes, and every second for retries and the end of the quiet hours. A failed send is
 * retried after {@code retry-delay}, doubled with each attempt, up to {@code max-attempts}.
 */
@ApplicationScoped
public class SmsSender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    @Inject
    SmsConfig config;

    @Inject
    SmsOutbox outbox;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    private SmsGateway gateway;
    private ClaimLoop<SmsGateway.Outgoing> loop;

    void start(@Observes StartupEvent startup) {
        gateway = config.smsc().host().isPresent()
                ? new SmppGateway(config, (id, state, error) -> outbox.receipt(id, state, error, clock.instant()))
                : new LoggingSmsGateway();
        if (!gateway.reachesSmsc()) {
            LOG.info("No SMSC configured (hotline.sms.smsc.host): text messages are written to the log");
        }
        loop = new ClaimLoop<>(LOG, "sms-sender", config.window(),
                free -> outbox.claim(free, clock.instant(), clock.instant().plus(claimFor())), this::deliver,
                () -> gateway.connected(), message -> "SMS " + message.id());
        loop.start();
    }

    /** Stops before the database goes (a bean's own destruction comes after): no claim then meets a closed one. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (loop == null) {
            return;
        }
        loop.stop();
        gateway.close();
    }

    /** Whether messages reach a real SMSC; without one they go to the log. */
    public boolean reachesSmsc() {
        return gateway != null && gateway.reachesSmsc();
    }

    /** Sends what was queued in the current transaction as soon as it commits, rather than at the next poll. */
    void wakeUpAfterCommit() {
        loop.wakeUpAfterCommit(transactions);
    }

    private void deliver(SmsGateway.Outgoing message) {
        List<String> smscIds;
        try {
            smscIds = gateway.send(message);
        } catch (SmsGateway.SmsRefusedException refused) {
            LOG.warnf("SMS %d to %s refused for good: %s", message.id(), PhoneNumbers.mask(message.recipient()),
                    refused.getMessage());
            outbox.failed(message.id(), refused.getMessage(), null);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.failed(message.id(), "interrupted while sending", clock.instant());
            return;
        } catch (Exception e) {
            retryOrFail(message, e);
            return;
        }
        outbox.sent(message, smscIds, clock.instant());
    }

    private void retryOrFail(SmsGateway.Outgoing message, Exception e) {
        int attempts = outbox.attempts(message.id());
        String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (attempts >= config.maxAttempts()) {
            LOG.warnf("SMS %d to %s failed after %d attempts: %s", message.id(),
                    PhoneNumbers.mask(message.recipient()), attempts, error);
            outbox.failed(message.id(), error, null);
            return;
        }
        Duration wait = config.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 16));
        Instant retryAt = clock.instant().plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
        LOG.debugf("SMS %d not sent (%s); retrying at %s", message.id(), error, retryAt);
        outbox.failed(message.id(), error, retryAt);
    }

    /** Long enough for every part of the longest message to wait out its response. */
    private Duration claimFor() {
        return config.smsc().responseTimeout().multipliedBy(SmsText.MAX_PARTS).plusMinutes(1);
    }
}
