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

        String write(String value) {
            if (value.startsWith("bad")) {
                throw new IllegalArgumentException(value + " breaks a constraint");
            }
            open.get().add(value);
            return value.toUpperCase();
        }
    }

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommit<String> commits;

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
        store.holdFirst = true;
        commits = new GroupCommit<>("test-writer", store.inTransaction, 64);
        Future<String> first = callers.submit(() -> commits.submit(() -> store.write("a")));
        await(store.firstStarted);
        List<Future<String>> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String value = "b" + i;
            later.add(callers.submit(() -> commits.submit(() -> store.write(value))));
        }
        awaitWaiting(10);
        assertThat(first).as("answered only once committed").isNotDone();
        assertThat(later).noneMatch(Future::isDone);

        store.firstCommit.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("A");
        for (int i = 0; i < 10; i++) {
            assertThat(later.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("B" + i);
        }
        assertThat(store.transactionSizes).containsExactly(1, 10);
        assertThat(store.committed).hasSize(11);
    }

    @Test
    void aFailingWriteFailsAloneAndTheOthersOfItsBatchAreKeptOnce() throws Exception {
        Store store = new Store();
        store.holdFirst = true;
        commits = new GroupCommit<>("test-writer", store.inTransaction, 64);
        Future<String> first = callers.submit(() -> commits.submit(() -> store.write("a")));
        await(store.firstStarted);
        List<Future<String>> batch = new ArrayList<>();
        for (String value : List.of("c1", "bad", "c2", "c3")) {
            batch.add(callers.submit(() -> commits.submit(() -> store.write(value))));
        }
        awaitWaiting(4);
        store.firstCommit.countDown();

        assertThat(batch.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("C1");
        assertThatThrownBy(() -> batch.get(1).get(5, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad breaks a constraint");
        assertThat(batch.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("C2");
        assertThat(batch.get(3).get(5, TimeUnit.SECONDS)).isEqualTo("C3");
        assertThat(first.get()).isEqualTo("A");
        assertThat(store.committed).containsExactlyInAnyOrder("a", "c1", "c2", "c3");
    }

    @Test
    void noBatchIsLargerThanItsLimit() throws Exception {
        Store store = new Store();
        store.holdFirst = true;
        commits = new GroupCommit<>("test-writer", store.inTransaction, 3);
        Future<String> first = callers.submit(() -> commits.submit(() -> store.write("a")));
        await(store.firstStarted);
        List<Future<String>> later = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String value = "d" + i;
            later.add(callers.submit(() -> commits.submit(() -> store.write(value))));
        }
        awaitWaiting(7);
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
        commits = new GroupCommit<>("test-writer", store.inTransaction, 64);
        assertThat(commits.submit(() -> store.write("a"))).isEqualTo("A");
        commits.stop();
        assertThatThrownBy(() -> commits.submit(() -> store.write("b"))).hasMessageContaining("shutting down");
        assertThat(store.committed).containsExactly("a");
        commits = null;
    }

    @Test
    void aBatchLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new GroupCommit<String>("test-writer", Runnable::run, 0))
                .hasMessageContaining("maxBatch must be at least 1");
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
