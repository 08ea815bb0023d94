package org.hotline12345.knowledge;

import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.knowledge.Articles.article;
import static org.hotline12345.knowledge.Articles.marker;
import static org.hotline12345.support.Api.as;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A change whose index write did not happen (the backend was down at the commit, or the service stopped right after
 * it) waits in the queue and reaches the index on the next drain.
 */
@QuarkusTest
class KnowledgeIndexQueueTest extends DatabaseTest {

    @Inject
    EntityManager entityManager;

    @Inject
    KnowledgeIndexQueue queue;

    @Inject
    KnowledgeIndexer indexer;

    @Test
    void aQueuedChangeReachesTheIndexOnTheNextDrain() {
        String marker = marker();
        String slug = KnowledgeApiTest.create(article(marker, "原来的标题"));
        // changed and queued in one transaction, as the service does, but with no drain after the commit
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update knowledge_article set title = ?1 where slug = ?2")
                    .setParameter(1, "改后的标题 " + marker).setParameter(2, slug).executeUpdate();
            long id = ((Number) entityManager.createNativeQuery("select id from knowledge_article where slug = ?1")
                    .setParameter(1, slug).getSingleResult()).longValue();
            queue.enqueue(id, Instant.now());
        });
        KnowledgeApiTest.search("agent", marker).body("items[0].title", equalTo("原来的标题 " + marker));

        indexer.drain();
        KnowledgeApiTest.search("agent", marker).body("items[0].title", equalTo("改后的标题 " + marker));
        as("admin").get("/api/knowledge/index").then().body("queued", equalTo(0));
    }
}
