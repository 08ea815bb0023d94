package org.hotline12345.knowledge;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.hotline12345.knowledge.search.IndexedArticle;
import org.hotline12345.knowledge.search.SearchBackend;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Carries queued article changes into the search backend: right after the commit that made them, so that an editor
 * finds a saved article at once, and again on a schedule for whatever a failing backend left in the queue.
 */
@ApplicationScoped
public class KnowledgeIndexer {

    private static final Logger LOG = Logger.getLogger(KnowledgeIndexer.class);
    private static final int BATCH = 500;

    @Inject
    SearchBackend backend;

    @Inject
    KnowledgeIndexQueue queue;

    @Inject
    KnowledgeArticleRepository articles;

    @Inject
    IndexedArticles indexed;

    @Inject
    ArticleVectors vectors;

    @Inject
    Clock clock;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) KnowledgeChanged changed) {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("The knowledge index is behind the database (%s); the queued changes will be retried",
                    e.getMessage());
        }
    }

    void encoderReady(@Observes KnowledgeEncoder.EncoderReady ready) {
        indexWithoutVectors();
    }

    /**
     * Indexes again, now with their vectors, the articles this instance indexed by words only while the encoder was
     * loading. Written to this instance's backend directly (an embedded index is this instance's own); what fails is
     * queued, so the scheduled drain retries it.
     */
    public void indexWithoutVectors() {
        List<Long> ids = vectors.takeIndexedWithout();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try {
                backend.upsert(vectors.withVectors(
                        QuarkusTransaction.requiringNew().call(() -> indexed.of(articles.withIds(batch)))));
            } catch (RuntimeException e) {
                LOG.warnf("Articles indexed before the encoder was loaded wait for their vectors (%s)", e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> batch.forEach(id -> queue.enqueue(id, clock.instant())));
            }
        }
        if (!ids.isEmpty()) {
            LOG.infof("%d articles indexed before the encoder was loaded now have their vectors", ids.size());
        }
    }

    /** Writes every queued change to the backend; returns how many articles it wrote. */
    public int drain() {
        int total = 0;
        int written;
        do {
            encodeQueued();
            written = QuarkusTransaction.requiringNew().call(this::drainBatch);
            total += written;
        } while (written == BATCH);
        return total;
    }

    /**
     * Encodes the vectors of the next batch outside the transaction that claims it: encoding takes seconds for many
     * articles, the claim holds row locks and must stay short. The batch then finds its vectors stored.
     */
    private void encodeQueued() {
        List<IndexedArticle> next = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = queue.peek(BATCH);
            return ids.isEmpty() ? List.<IndexedArticle> of() : indexed.of(articles.withIds(ids));
        });
        vectors.withVectors(next);
    }

    private int drainBatch() {
        List<Long> ids = queue.claim(BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        List<KnowledgeArticle> changed = articles.withIds(ids);
        backend.upsert(vectors.withVectors(indexed.of(changed)));
        queue.remove(ids);
        return ids.size();
    }
}
