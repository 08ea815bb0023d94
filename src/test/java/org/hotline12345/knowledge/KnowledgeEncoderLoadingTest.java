package org.hotline12345.knowledge;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hotline12345.knowledge.Articles.marker;
import static org.hotline12345.support.Api.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The sentence encoder loads in the background: while it loads the service is ready (the readiness says that search
 * matches words only), searches find articles by their words, and an article saved meanwhile is indexed at once; when
 * the encoder is ready that article gets its vectors and is found by meaning. The test holds a load behind a latch.
 */
@QuarkusTest
class KnowledgeEncoderLoadingTest extends DatabaseTest {

    /** Shares no word with the article below: only its meaning finds it. */
    private static final String PARAPHRASE = "夏天很热在外面干活有没有补贴";

    @Inject
    KnowledgeEncoder encoder;

    @Test
    void theServiceIsReadyAndSearchesByWordsWhileTheEncoderLoads() {
        await().atMost(Duration.ofMinutes(3)).until(encoder::ready);
        CountDownLatch release = new CountDownLatch(1);
        encoder.load(loaded -> {
            try {
                release.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return loaded;
        });
        String slug;
        String marker = marker();
        try {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'knowledge-encoder' }.data.encoder", equalTo("LOADING"))
                    .body("checks.find { it.name == 'knowledge-encoder' }.data.search", equalTo("words only"));

            slug = as("editor").body(heatArticle(marker)).post("/api/knowledge/articles").then().statusCode(201)
                    .extract().path("slug");
            // found at once by its words, though the encoder cannot encode it yet
            as("agent").queryParam("q", "防暑降温费 " + marker).get("/api/knowledge/articles").then()
                    .statusCode(200).body("items.slug", hasItem(slug));
            // and not by meaning: the question is searched by its words only
            as("agent").body(Map.of("text", PARAPHRASE, "size", 20)).post("/api/knowledge/search").then()
                    .statusCode(200).body("items.slug", not(hasItem(slug)));
        } finally {
            release.countDown();
        }

        await().atMost(Duration.ofMinutes(1)).until(encoder::ready);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'knowledge-encoder' }.data.search", equalTo("words and meaning"));
        // the article saved while the encoder loaded has been given its vectors
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> as("agent")
                .body(Map.of("text", PARAPHRASE, "size", 20)).post("/api/knowledge/search").then().statusCode(200)
                .body("items.slug", hasItem(slug)));
    }

    private static Map<String, Object> heatArticle(String marker) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "高温天气户外作业人员的防暑降温费");
        body.put("questions", new ArrayList<>(List.of("户外作业防暑降温费标准")));
        body.put("answer", "高温天气户外作业人员可以按月领取防暑降温费，标准由用人单位按规定执行。");
        body.put("categoryCode", "130401");
        body.put("departmentCode", "APPROVAL");
        body.put("source", Map.of("name", "测试依据", "number", "测试〔2026〕1号"));
        body.put("effectiveFrom", "2024-01-01");
        body.put("tags", new ArrayList<>(List.of(marker)));
        body.put("status", "PUBLISHED");
        return body;
    }
}
