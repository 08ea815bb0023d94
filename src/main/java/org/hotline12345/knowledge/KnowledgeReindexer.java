package org.hotline12345.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hotline12345.common.ConflictException;
import org.hotline12345.knowledge.search.IndexedArticle;
import org.hotline12345.knowledge.search.SearchBackend;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the search index from PostgreSQL: reads the articles page by page (memory stays flat however many there
 * are), has the backend swap the new index in when complete, then re-indexes what editors changed meanwhile. One
 * rebuild at a time per instance.
 */
@ApplicationScoped
public class KnowledgeReindexer {

    private static final Logger LOG = Logger.getLogger(KnowledgeReindexer.class);
    /** Articles read (and, where their vectors are not stored yet, encoded) at a time. */
    private static final int PAGE = 200;

    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    /** Where the latest rebuild stands. */
    public record Progress(State state, String backend, long indexed, long total, Instant startedAt,
            Instant finishedAt, String error) {
    }

    @Inject
    SearchBackend backend;

    @Inject
    KnowledgeArticleRepository articles;

    @Inject
    IndexedArticles indexed;

    @Inject
    ArticleVectors vectors;

    @Inject
    KnowledgeIndexQueue queue;

    @Inject
    KnowledgeIndexer indexer;

    @Inject
    KnowledgeChanges changes;

    @Inject
    ManagedExecutor executor;

    @Inject
    Clock clock;

    private final AtomicReference<Progress> progress = new AtomicReference<>(
            new Progress(State.IDLE, null, 0, 0, null, null, null));

    public Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild in the background and returns at once. */
    public Progress start() {
        Progress started = begin();
        executor.runAsync(() -> {
            try {
                run(started, n -> {
                });
            } catch (RuntimeException e) {
                // recorded in the progress and logged
            }
        });
        return started;
    }

    /**
     * Rebuilds in the calling thread.
     *
     * @param listener told the number of articles indexed so far, now and then
     * @return the articles indexed
     */
    public long rebuild(LongConsumer listener) {
        return run(begin(), listener).indexed();
    }

    private Progress begin() {
        long total = QuarkusTransaction.requiringNew().call(articles::count);
        Progress started = new Progress(State.RUNNING, backend.name(), 0, total, clock.instant(), null, null);
        Progress before = progress.get();
        if (before.state() == State.RUNNING || !progress.compareAndSet(before, started)) {
            throw new ConflictException("知识索引正在重建（开始于 " + before.startedAt() + "）");
        }
        return started;
    }

    private Progress run(Progress started, LongConsumer listener) {
        try {
            // an embedded index follows the change log from before the first page was read
            String position = QuarkusTransaction.requiringNew().call(changes::position);
            backend.rebuild(new DatabasePages(), n -> {
                progress.set(new Progress(State.RUNNING, started.backend(), n, started.total(), started.startedAt(),
                        null, null));
                listener.accept(n);
            });
            long indexedCount = progress.get().indexed();
            if (backend.perInstance()) {
                backend.follow(position, true);
            }
            // editors' changes while the rebuild read older pages
            List<Long> changed = QuarkusTransaction.requiringNew().call(
                    () -> articles.idsUpdatedSince(started.startedAt()));
            QuarkusTransaction.requiringNew().run(() -> changed.forEach(id -> queue.enqueue(id, clock.instant())));
            indexer.drain();
            Progress done = new Progress(State.DONE, started.backend(), indexedCount, started.total(),
                    started.startedAt(), clock.instant(), null);
            progress.set(done);
            LOG.infof("Knowledge index rebuilt on %s: %d articles", started.backend(), indexedCount);
            return done;
        } catch (RuntimeException e) {
            LOG.error("Rebuilding the knowledge index failed", e);
            progress.set(new Progress(State.FAILED, started.backend(), progress.get().indexed(), started.total(),
                    started.startedAt(), clock.instant(), e.getMessage()));
            throw e;
        }
    }

    /** All articles in id order, one short transaction per page. */
    private final class DatabasePages implements Iterator<IndexedArticle> {
        private Iterator<IndexedArticle> page = List.<IndexedArticle> of().iterator();
        private long lastId;
        private boolean exhausted;

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !exhausted) {
                List<IndexedArticle> next = vectors.withVectors(QuarkusTransaction.requiringNew()
                        .call(() -> indexed.of(articles.pageAfter(lastId, PAGE))));
                exhausted = next.size() < PAGE;
                if (!next.isEmpty()) {
                    lastId = next.get(next.size() - 1).id();
                }
                page = next.iterator();
            }
            return page.hasNext();
        }

        @Override
        public IndexedArticle next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}
