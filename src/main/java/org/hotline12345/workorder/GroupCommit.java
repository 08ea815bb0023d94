package org.hotline12345.workorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes what concurrent callers submit in shared transactions, one batch at a time on one thread: a caller waits
 * until the transaction holding its write has committed, so nothing is answered before it is durable, while the
 * commit, the connection and the statements' round trips are shared by everyone who arrived meanwhile. A batch that
 * fails is written again one write per transaction, so that each caller gets its own outcome and one bad write does
 * not refuse the others.
 *
 * @param <K> what a write says about itself before it is written (a registration's time)
 * @param <P> what each write is given, prepared for the whole batch at once (its work-order number)
 * @param <T> what a write returns to its caller
 */
final class GroupCommit<K, P, T> {

    private record Pending<K, P, T>(K key, Function<P, T> write, CompletableFuture<T> result) {
    }

    private final BlockingQueue<Pending<K, P, T>> queue = new LinkedBlockingQueue<>();
    private final Function<List<K>, List<P>> prepare;
    private final Consumer<Runnable> inTransaction;
    private final int maxBatch;
    private final Thread writer;
    private volatile boolean stopped;

    /**
     * @param prepare what the writes of a batch are given, one per key and in their order, drawn before their
     *        transaction
     * @param inTransaction runs its argument in a new transaction that commits when it returns and rolls back when
     *        it throws
     * @param maxBatch most writes in one transaction
     */
    GroupCommit(String name, Function<List<K>, List<P>> prepare, Consumer<Runnable> inTransaction, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.prepare = prepare;
        this.inTransaction = inTransaction;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Runs {@code write}, given what was prepared for {@code key}, in a transaction shared with the writes submitted
     * meanwhile, and returns once committed.
     */
    T submit(K key, Function<P, T> write) {
        Pending<K, P, T> pending = new Pending<>(key, write, new CompletableFuture<>());
        queue.add(pending);
        if (stopped) {
            pending.result().completeExceptionally(new IllegalStateException("the service is shutting down"));
        }
        try {
            return pending.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while its write was being committed", e);
        }
    }

    /** How many writes wait for the writer. */
    int waiting() {
        return queue.size();
    }

    /** Stops taking writes; those still queued are refused, the batch being written is finished. */
    void stop() throws InterruptedException {
        stopped = true;
        writer.interrupt();
        writer.join();
        refuseQueued();
    }

    private void run() {
        List<Pending<K, P, T>> batch = new ArrayList<>(maxBatch);
        while (!stopped) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                write(batch);
            } catch (Throwable unexpected) {
                // the writer must outlive anything a batch throws, or every later caller would wait forever
                batch.forEach(pending -> pending.result().completeExceptionally(unexpected));
            }
            batch.clear();
        }
        refuseQueued();
    }

    private void write(List<Pending<K, P, T>> batch) {
        List<P> prepared = prepare.apply(batch.stream().map(Pending::key).toList());
        List<T> results = new ArrayList<>(batch.size());
        try {
            inTransaction.accept(() -> {
                results.clear();
                for (int i = 0; i < batch.size(); i++) {
                    results.add(batch.get(i).write().apply(prepared.get(i)));
                }
            });
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(failed);
            } else {
                for (int i = 0; i < batch.size(); i++) {
                    writeAlone(batch.get(i), prepared.get(i));
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    private void writeAlone(Pending<K, P, T> pending, P prepared) {
        List<T> result = new ArrayList<>(1);
        try {
            inTransaction.accept(() -> {
                result.clear();
                result.add(pending.write().apply(prepared));
            });
            pending.result().complete(result.get(0));
        } catch (RuntimeException failed) {
            pending.result().completeExceptionally(failed);
        }
    }

    private void refuseQueued() {
        for (Pending<K, P, T> pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.result().completeExceptionally(new IllegalStateException("the service is shutting down"));
        }
    }
}
