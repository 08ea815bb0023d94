package org.hotline12345.workorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes what concurrent callers submit in shared transactions, each writer thread one batch at a time: a caller
 * waits until the transaction holding its write has committed, so nothing is answered before it is durable, while the
 * commit, the connection and the statements' round trips are shared by everyone who arrived meanwhile. With more than
 * one writer, one batch is gathered and written while another waits for its commit, so the database's work and the
 * disk's flush overlap. A batch that fails is written again one write per transaction, so that each caller gets its
 * own outcome and one bad write does not refuse the others.
 *
 * @param <W> what a caller asks to be written (a registration)
 * @param <P> what each write is given, prepared for the whole batch before its transaction (its work-order number)
 * @param <T> what a write returns to its caller
 */
final class GroupCommit<W, P, T> {

    private record Pending<W, T>(W write, CompletableFuture<T> result) {
    }

    private final BlockingQueue<Pending<W, T>> queue = new LinkedBlockingQueue<>();
    private final Function<List<W>, List<P>> prepare;
    private final BiFunction<List<W>, List<P>, List<T>> writeAll;
    private final Consumer<Runnable> inTransaction;
    private final int maxBatch;
    private final List<Thread> writers;
    private volatile boolean stopped;

    /**
     * @param prepare what the writes of a batch are given, one per write and in their order, drawn before their
     *        transaction
     * @param writeAll writes a batch, given what was prepared for it, and returns one result per write in their
     *        order; it runs inside the transaction, so that the batch's rows can go to the database together
     * @param inTransaction runs its argument in a new transaction that commits when it returns and rolls back when
     *        it throws
     * @param maxBatch most writes in one transaction
     * @param writerCount how many transactions may be open at once, each on its own thread
     */
    GroupCommit(String name, Function<List<W>, List<P>> prepare, BiFunction<List<W>, List<P>, List<T>> writeAll,
            Consumer<Runnable> inTransaction, int maxBatch, int writerCount) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        if (writerCount < 1) {
            throw new IllegalArgumentException("writerCount must be at least 1, was " + writerCount);
        }
        this.prepare = prepare;
        this.writeAll = writeAll;
        this.inTransaction = inTransaction;
        this.maxBatch = maxBatch;
        List<Thread> threads = new ArrayList<>(writerCount);
        for (int i = 1; i <= writerCount; i++) {
            Thread writer = new Thread(this::run, writerCount == 1 ? name : name + "-" + i);
            writer.setDaemon(true);
            threads.add(writer);
        }
        this.writers = List.copyOf(threads);
        writers.forEach(Thread::start);
    }

    /** Writes {@code write} in a transaction shared with the writes submitted meanwhile, and returns once committed. */
    T submit(W write) {
        Pending<W, T> pending = new Pending<>(write, new CompletableFuture<>());
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

    /** Stops taking writes; those still queued are refused, the batches being written are finished. */
    void stop() throws InterruptedException {
        stopped = true;
        writers.forEach(Thread::interrupt);
        for (Thread writer : writers) {
            writer.join();
        }
        refuseQueued();
    }

    private void run() {
        List<Pending<W, T>> batch = new ArrayList<>(maxBatch);
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

    private void write(List<Pending<W, T>> batch) {
        List<W> writes = batch.stream().map(Pending::write).toList();
        List<P> prepared = prepare.apply(writes);
        List<T> results = new ArrayList<>(batch.size());
        try {
            inTransaction.accept(() -> {
                results.clear();
                results.addAll(writeAll.apply(writes, prepared));
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

    private void writeAlone(Pending<W, T> pending, P prepared) {
        List<T> result = new ArrayList<>(1);
        try {
            inTransaction.accept(() -> {
                result.clear();
                result.addAll(writeAll.apply(List.of(pending.write()), List.of(prepared)));
            });
            pending.result().complete(result.get(0));
        } catch (RuntimeException failed) {
            pending.result().completeExceptionally(failed);
        }
    }

    private void refuseQueued() {
        for (Pending<W, T> pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.result().completeExceptionally(new IllegalStateException("the service is shutting down"));
        }
    }
}
