package org.hotline12345.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.knowledge.Articles.article;
import static org.hotline12345.knowledge.Articles.marker;
import static org.hotline12345.support.Api.as;

import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With the Elasticsearch cluster unreachable the service still starts, articles are still saved and queued for the
 * index, searching answers 503 with a problem document, and the knowledge health group says so while the service
 * stays ready for calls.
 */
@QuarkusTest
@TestProfile(KnowledgeWithoutSearchTest.ClusterDown.class)
class KnowledgeWithoutSearchTest extends DatabaseTest {

    public static class ClusterDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hotline.knowledge.backend", "elasticsearch",
                    "hotline.knowledge.elasticsearch.hosts", "http://127.0.0.1:9",
                    "hotline.knowledge.elasticsearch.connect-timeout", "PT0.2S");
        }
    }

    @Inject
    KnowledgeIndexQueue queue;

    @Test
    void articlesAreKeptAndQueuedAndSearchIsAClearError() {
        String marker = marker();
        long queuedBefore = QuarkusTransaction.requiringNew().call(queue::size);
        String slug = KnowledgeApiTest.create(article(marker, "集群停机时保存的文章"));
        assertThat(QuarkusTransaction.requiringNew().call(queue::size)).isEqualTo(queuedBefore + 1);
        as("agent").get("/api/knowledge/articles/" + slug).then().statusCode(200);

        as("agent").queryParam("q", marker).get("/api/knowledge/articles").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:hotline12345:problem:unavailable"));
        given().get("/q/health/group/knowledge").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/ready").then().statusCode(200);
        as("agent").get("/api/work-orders").then().statusCode(200);
    }
}
