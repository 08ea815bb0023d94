package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A store whose transactions keep their writes only when they return normally. */
    private static final class Store {
        final List<String> committed = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> transactionSizes = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> prepared = Collections.synchronizedList(new ArrayList<>());
        int lastNumber;
        final ThreadLocal<List<String>> open = new ThreadLocal<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch firstCommit = new CountDownLatch(1);
        volatile boolean holdFirst;

        final Consumer<Runnable> inTransaction = writes -> {
            List<String> pending = new ArrayList<>();
            open.set(pending);
            try {
                writes.run();
                if (holdFirst) {
                    holdFirst = false;
                    firstStarted.countDown();
                    await(firstCommit);
                }
                committed.addAll(pending);
                transactionSizes.add(pending.size());
            } finally {
                open.remove();
            }
        };

        /** Numbers a batch's writes in one go, as the work-order numbers are drawn. */
        synchronized List<Integer> number(List<String> keys) {
            prepared.add(keys);
            List<Integer> numbers = new ArrayList<>();
            keys.forEach(key -> numbers.add(++lastNumber));
            return numbers;
        }

        List<String> writeAll(List<String> values, List<Integer> numbers) {
            List<String> results = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                results.add(write(values.get(i), numbers.get(i)));
            }
            return results;
        }

        private String write(String value, int number) {
            if (value.startsWith("bad")) {
                throw new IllegalArgumentException(value + " breaks a constraint");
            }
            open.get().add(value);
            return value.toUpperCase() + "#" + number;
        }
    }

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommit<String, Integer, String> commits;

    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        if (commits != null) {
            commits.stop();
        }
    }

    @Test
    void writesThatArriveWhileATransactionRunsShareTheNextOne() throws Exception {
        Store store = new Store();
        commits = new GroupCommit<>("test-writer", store::number, store::writeAll, store.inTransaction, 64, 1);
        Future<String> first = submitAndHold(store, "a");
        List<Future<String>> later = submitQueued(store,
                List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9"));
        assertThat(first).as("answered only once committed").isNotDone();
        assertThat(later).noneMatch(Future::isDone);

        store.firstCommit.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("A#1");
        for (Future<String> each : later) {
            each.get(5, TimeUnit.SECONDS);
        }
        assertThat(store.transactionSizes).containsExactly(1, 10);
        assertThat(store.prepared).as("one preparation per batch").hasSize(2);
        List<String> queued = store.prepared.get(1);
        assertThat(queued).containsExactlyInAnyOrder("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9");
        for (int i = 0; i < 10; i++) {
            assertThat(later.get(i).get()).as("each write is given what was prepared for it")
                    .isEqualTo("B" + i + "#" + (queued.indexOf("b" + i) + 2));
        }
        assertThat(store.committed).hasSize(11);
    }

    @Test
    void aFailingWriteFailsAloneAndTheOthersOfItsBatchAreKeptOnce() throws Exception {
        Store store = new Store();
        commits = new GroupCommit<>("test-writer", store::number, store::writeAll, store.inTransaction, 64, 1);
        Future<String> first = submitAndHold(store, "a");
        List<Future<String>> batch = submitQueued(store, List.of("c1", "bad", "c2", "c3"));
        store.firstCommit.countDown();

        assertThat(batch.get(0).get(5, TimeUnit.SECONDS)).startsWith("C1#");
        assertThatThrownBy(() -> batch.get(1).get(5, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad breaks a constraint");
        assertThat(batch.get(2).get(5, TimeUnit.SECONDS)).startsWith("C2#");
        assertThat(batch.get(3).get(5, TimeUnit.SECONDS)).startsWith("C3#");
        assertThat(first.get()).isEqualTo("A#1");
        assertThat(store.lastNumber).as("written alone, the writes keep the numbers drawn for their batch")
                .isEqualTo(5);
        assertThat(store.committed).containsExactlyInAnyOrder("a", "c1", "c2", "c3");
    }

    @Test
    void noBatchIsLargerThanItsLimit() throws Exception {
        Store store = new Store();
        commits = new GroupCommit<>("test-writer", store::number, store::writeAll, store.inTransaction, 3, 1);
        submitAndHold(store, "a");
        List<Future<String>> later = submitQueued(store, List.of("d0", "d1", "d2", "d3", "d4", "d5", "d6"));
        store.firstCommit.countDown();
        for (Future<String> each : later) {
            each.get(5, TimeUnit.SECONDS);
        }
        assertThat(store.transactionSizes).allMatch(size -> size <= 3).hasSizeGreaterThanOrEqualTo(4);
        assertThat(store.committed).hasSize(8);
    }

    @Test
    void aStoppedWriterRefusesNewWrites() throws Exception {
        Store store = new Store();
        commits = new GroupCommit<>("test-writer", store::number, store::writeAll, store.inTransaction, 64, 1);
        assertThat(commits.submit("a")).isEqualTo("A#1");
        commits.stop();
        assertThatThrownBy(() -> commits.submit("b"))
                .hasMessageContaining("shutting down");
        assertThat(store.committed).containsExactly("a");
        commits = null;
    }

    @Test
    void withTwoWritersABatchIsWrittenWhileAnotherWaitsForItsCommit() throws Exception {
        Store store = new Store();
        commits = new GroupCommit<>("test-writer", store::number, store::writeAll, store.inTransaction, 64, 2);
        Future<String> held = submitAndHold(store, "a");
        String meanwhile = callers.submit(() -> commits.submit("b")).get(5, TimeUnit.SECONDS);

        assertThat(meanwhile).isEqualTo("B#2");
        assertThat(held).as("the first transaction has not committed yet").isNotDone();
        assertThat(store.committed).containsExactly("b");
        store.firstCommit.countDown();
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("A#1");
        assertThat(store.committed).containsExactly("b", "a");
    }

    @Test
    void aBatchLimitBelowOneIsRefused() {
        assertThatThrownBy(
                () -> new GroupCommit<String, Integer, String>("test-writer", keys -> List.of(),
                        (writes, numbers) -> List.of(), Runnable::run, 0, 1))
                .hasMessageContaining("maxBatch must be at least 1");
        assertThatThrownBy(() -> new GroupCommit<String, Integer, String>("test-writer", keys -> List.of(),
                (writes, numbers) -> List.of(), Runnable::run, 64, 0))
                .hasMessageContaining("writerCount must be at least 1");
    }

    /** Submits {@code value} and returns once its transaction has begun and is held until the test releases it. */
    private Future<String> submitAndHold(Store store, String value) {
        store.holdFirst = true;
        Future<String> first = callers.submit(() -> commits.submit(value));
        await(store.firstStarted);
        return first;
    }

    /** Submits each value from its own caller and returns once all of them wait for the writer. */
    private List<Future<String>> submitQueued(Store store, List<String> values) throws InterruptedException {
        List<Future<String>> futures = new ArrayList<>();
        for (String value : values) {
            futures.add(callers.submit(() -> commits.submit(value)));
        }
        awaitWaiting(values.size());
        return futures;
    }

    private void awaitWaiting(int writes) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commits.waiting() < writes) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException(commits.waiting() + " writes waiting, expected " + writes);
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the first commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
