package org.hotline12345.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.knowledge.search.IndexedArticle;
import org.hotline12345.knowledge.search.SearchBackend;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps this instance's embedded index in step with articles saved on any instance: every
 * {@code hotline.knowledge.follow-every} it reads the change log from where the index stands and indexes the articles
 * changed since. Runs on every instance (not as a clustered job); with Elasticsearch, which all instances share, it
 * does nothing. Health reports how long ago it last caught up.
 */
@ApplicationScoped
public class KnowledgeFollower {

    private static final Logger LOG = Logger.getLogger(KnowledgeFollower.class);
    /** The position is committed with the index at least this often, so that a restart re-reads little. */
    private static final Duration PERSIST_EVERY = Duration.ofMinutes(1);

    /** Where following stands: last caught up, last tried; both {@code null} before the first try. */
    public record Lag(Instant caughtUpAt, Instant triedAt, Duration behind, boolean lagging) {
    }

    @Inject
    SearchBackend backend;

    @Inject
    KnowledgeChanges changes;

    @Inject
    KnowledgeArticleRepository articles;

    @Inject
    IndexedArticles indexed;

    @Inject
    ArticleVectors vectors;

    @Inject
    KnowledgeConfig config;

    @Inject
    Clock clock;

    private volatile Instant caughtUpAt;
    private volatile Instant triedAt;
    private Instant persistedAt = Instant.EPOCH;

    @Scheduled(identity = "knowledge-follow", every = "${hotline.knowledge.follow-every}", executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (!backend.perInstance()) {
            return;
        }
        try {
            follow();
        } catch (RuntimeException e) {
            LOG.warnf("The knowledge index cannot follow the database now (%s); retrying every %s", e.getMessage(),
                    config.followEvery());
        }
    }

    /** Indexes the articles changed since the index's position; returns how many. */
    public synchronized int follow() {
        triedAt = clock.instant();
        String from = backend.followed();
        if (from == null) {
            // a rebuild is due or running; it sets the position when done
            return 0;
        }
        KnowledgeChanges.Since since = QuarkusTransaction.requiringNew().call(() -> changes.since(from));
        if (!since.articleIds().isEmpty()) {
            List<IndexedArticle> changed = QuarkusTransaction.requiringNew()
                    .call(() -> indexed.of(articles.withIds(since.articleIds())));
            backend.upsert(vectors.withVectors(changed));
        }
        Instant now = clock.instant();
        boolean persist = !since.articleIds().isEmpty() || persistedAt.plus(PERSIST_EVERY).isBefore(now);
        if (!since.next().equals(from) || persist) {
            backend.follow(since.next(), persist);
        }
        if (persist) {
            persistedAt = now;
        }
        caughtUpAt = now;
        return since.articleIds().size();
    }

    /** How far behind the database this instance's index may be: since it last caught up, if it tries at all. */
    public Lag lag() {
        Instant now = clock.instant();
        Instant caught = caughtUpAt;
        Instant tried = triedAt;
        if (tried == null) {
            return new Lag(null, null, Duration.ZERO, false);
        }
        Duration behind = Duration.between(caught == null ? tried : caught, now);
        return new Lag(caught, tried, behind, caught == null || behind.compareTo(config.followLagLimit()) > 0);
    }
}
