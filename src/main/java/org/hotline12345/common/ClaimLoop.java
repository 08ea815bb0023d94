package org.hotline12345.common;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

/**
 * The worker of a durable outbox (text messages, partner events): one thread claims what is due, as many items as
 * there are free slots, and hands each to a pool as wide as the slots; it wakes when work is committed, when an item
 * is done, and every second for retries. An item whose outcome could not be recorded is logged: its claim runs out and
 * it is claimed again.
 *
 * @param <T> a claimed item
 */
public final class ClaimLoop<T> {

    private static final Duration IDLE = Duration.ofSeconds(1);

    private final Logger log;
    private final String name;
    private final IntFunction<List<T>> claim;
    private final Consumer<T> work;
    private final BooleanSupplier ready;
    private final Function<T, String> describe;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final Thread loop;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean stopped;

    /**
     * @param name the thread's name; the pool's threads are named after it
     * @param claim claims up to so many due items
     * @param work handles one item and records its outcome
     * @param ready whether to claim now (e.g. the SMSC is connected)
     * @param describe names an item for the log, without its content (a message's text, a partner's data)
     */
    public ClaimLoop(Logger log, String name, int width, IntFunction<List<T>> claim, Consumer<T> work,
            BooleanSupplier ready, Function<T, String> describe) {
        this.log = log;
        this.name = name;
        this.claim = claim;
        this.work = work;
        this.ready = ready;
        this.describe = describe;
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(width, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        slots = new Semaphore(width);
        loop = new Thread(this::run, name);
        loop.setDaemon(true);
    }

    public void start() {
        loop.start();
    }

    public void stop() throws InterruptedException {
        stopped = true;
        wakeUp();
        loop.join(TimeUnit.SECONDS.toMillis(5));
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    public void wakeUp() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Claims what was queued in the current transaction as soon as it commits, rather than at the next round. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp();
                }
            }
        });
    }

    private void run() {
        while (!stopped) {
            try {
                int free = slots.availablePermits();
                List<T> due = free == 0 || !ready.getAsBoolean() ? List.of() : claim.apply(free);
                for (T item : due) {
                    slots.acquire();
                    pool.execute(() -> {
                        try {
                            work.accept(item);
                        } catch (RuntimeException e) {
                            // its outcome could not be stored: the claim runs out and the item goes again
                            log.warnf(e, "%s: could not record the outcome of %s", name, describe.apply(item));
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
                log.warnf(e, "%s: could not claim from the queue; trying again", name);
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
}
