package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.knowledge.Articles.article;
import static org.hotline12345.knowledge.Articles.marker;
import static org.hotline12345.support.Api.as;

import jakarta.inject.Inject;

import org.hotline12345.knowledge.search.SearchBackend;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The change log each instance's embedded index follows: a change committed after a position is read from it, the
 * position moves on, and the follower indexes what changed.
 */
@QuarkusTest
class KnowledgeChangesTest extends DatabaseTest {

    @Inject
    KnowledgeChanges changes;

    @Inject
    KnowledgeFollower follower;

    @Inject
    SearchBackend backend;

    @Test
    void aChangeAfterAPositionIsReadFromItAndTheFollowerCatchesUp() {
        String before = QuarkusTransaction.requiringNew().call(changes::position);
        Integer id = as("editor").body(article(marker(), "变更日志测试")).post("/api/knowledge/articles").then()
                .statusCode(201).extract().path("id");
        KnowledgeChanges.Since since = QuarkusTransaction.requiringNew().call(() -> changes.since(before));
        assertThat(since.articleIds()).contains(id.longValue());
        assertThat(Long.parseLong(since.next())).isGreaterThan(Long.parseLong(before));
        // nothing changed since the next position
        assertThat(QuarkusTransaction.requiringNew().call(() -> changes.since(since.next())).articleIds())
                .doesNotContain(id.longValue());

        assertThat(backend.followed()).as("the index knows how far it followed").isNotNull();
        assertThat(follower.follow()).isGreaterThanOrEqualTo(0);
        assertThat(follower.lag().lagging()).isFalse();
        assertThat(follower.lag().caughtUpAt()).isNotNull();
    }
}
