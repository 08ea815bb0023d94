package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline12345.knowledge.Articles.article;
import static org.hotline12345.knowledge.Articles.marker;
import static org.hotline12345.support.Api.as;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Writing, reading, versioning, rating and searching articles through the API, with the rules of who sees what; on the
 * embedded Lucene backend here, and on Elasticsearch in {@link ElasticsearchKnowledgeApiTest}.
 */
@QuarkusTest
class KnowledgeApiTest extends DatabaseTest {

    /** The backend the service runs with in this test class. */
    String backend() {
        return "lucene";
    }

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String create(Map<String, Object> body) {
        return as("editor").body(body).post("/api/knowledge/articles").then().statusCode(201).extract().path("slug");
    }

    static ValidatableResponse search(String user, String text) {
        return as(user).queryParam("q", text).get("/api/knowledge/articles").then().statusCode(200);
    }

    @Test
    void anEditorsNewArticleIsFoundByAgentsAsSoonAsItIsSaved() {
        String marker = marker();
        String slug = create(article(marker, "新生儿医保参保怎么办理"));
        search("agent", marker).body("total", equalTo(1)).body("items[0].slug", equalTo(slug))
                .body("items[0].titleHighlight", containsString("<em>" + marker + "</em>"))
                .body("items[0].department.name", equalTo("市行政审批服务局"))
                .body("items[0].category.path", equalTo("政务服务 / 政务公开 / 政策咨询"));
        as("agent").get("/api/knowledge/articles/" + slug).then().statusCode(200)
                .body("version", equalTo(1)).body("source.number", equalTo("测试〔2026〕1号"))
                .body("currentlyValid", equalTo(true));
    }

    @Test
    void eachSaveIsAVersionWithWhoWhenAndWhatChanged() {
        String marker = marker();
        Map<String, Object> body = article(marker, "居住证办理条件");
        String slug = create(body);
        body.put("title", "居住证申领条件 " + marker);
        body.put("version", 1);
        body.put("note", "按新规调整标题");
        as("editor").body(body).put("/api/knowledge/articles/" + slug).then().statusCode(200)
                .body("version", equalTo(2)).body("updatedBy", equalTo("editor"));

        as("editor").get("/api/knowledge/articles/" + slug + "/versions").then().statusCode(200)
                .body("version", contains(2, 1))
                .body("[0].changedFields", contains("title"))
                .body("[0].changedBy", equalTo("editor")).body("[0].changedByRole", equalTo("KNOWLEDGE_EDITOR"))
                .body("[0].note", equalTo("按新规调整标题"));
        as("editor").get("/api/knowledge/articles/" + slug + "/versions/1").then().statusCode(200)
                .body("content.title", equalTo("居住证办理条件 " + marker));
        // the search follows the save: the new title is found, the old one no longer
        search("agent", "申领条件 " + marker).body("items[0].title", equalTo("居住证申领条件 " + marker));

        // saving the same content again makes no version
        body.put("version", 2);
        as("editor").body(body).put("/api/knowledge/articles/" + slug).then().statusCode(200)
                .body("version", equalTo(2));
        as("editor").get("/api/knowledge/articles/" + slug + "/versions/3").then().statusCode(404);
    }

    @Test
    void savingOverANewerVersionIsAConflictNamingIt() {
        String marker = marker();
        Map<String, Object> body = article(marker, "不动产登记查询");
        String slug = create(body);
        body.put("version", 1);
        body.put("answer", "第一位编辑的修改 " + marker);
        as("editor").body(body).put("/api/knowledge/articles/" + slug).then().statusCode(200);
        body.put("answer", "第二位编辑基于旧版本的修改 " + marker);
        as("admin").body(body).put("/api/knowledge/articles/" + slug).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("版本 2"));
        body.remove("version");
        as("admin").body(body).put("/api/knowledge/articles/" + slug).then().statusCode(400)
                .body("violations[0].field", equalTo("version"));
    }

    @Test
    void draftsArchivedAndExpiredArticlesNeverReachAgents() {
        String marker = marker();
        Map<String, Object> draft = article(marker, "草稿文章");
        draft.put("status", "DRAFT");
        String draftSlug = create(draft);
        Map<String, Object> expiring = article(marker, "即将失效的文章");
        expiring.put("expiresOn", "2027-01-01");
        String expiringSlug = create(expiring);

        // its words find it first; articles like it may follow (semantic search), never the draft
        search("agent", marker).body("items[0].slug", equalTo(expiringSlug))
                .body("items.slug", not(hasItem(draftSlug)));
        as("agent").get("/api/knowledge/articles/" + draftSlug).then().statusCode(404);
        as("editor").get("/api/knowledge/articles/" + draftSlug).then().statusCode(200)
                .body("currentlyValid", equalTo(false));
        as("editor").queryParam("q", marker).queryParam("status", "DRAFT,PUBLISHED").get("/api/knowledge/articles")
                .then().body("items.slug", hasItems(draftSlug, expiringSlug));
        as("agent").queryParam("q", marker).queryParam("status", "DRAFT").get("/api/knowledge/articles").then()
                .statusCode(403).contentType("application/problem+json");
        as("agent").queryParam("q", marker).queryParam("validOnly", "false").get("/api/knowledge/articles").then()
                .statusCode(403);

        // on its expiry date the article is gone for agents, not for editors
        clock.set(Instant.parse("2026-12-31T16:00:00Z"));
        search("agent", marker).body("items.slug", not(hasItem(expiringSlug)));
        as("agent").get("/api/knowledge/articles/" + expiringSlug).then().statusCode(404);
        as("agent").queryParam("q", marker).get("/api/knowledge/autocomplete").then().body("", empty());
        as("editor").queryParam("q", marker).queryParam("validOnly", "false").get("/api/knowledge/articles").then()
                .body("items.slug", hasItem(expiringSlug));
    }

    @Test
    void withdrawingAnArticleArchivesItAsANewVersion() {
        String marker = marker();
        String slug = create(article(marker, "将被撤下的文章"));
        as("agent").delete("/api/knowledge/articles/" + slug).then().statusCode(403);
        as("editor").delete("/api/knowledge/articles/" + slug).then().statusCode(200)
                .body("status", equalTo("ARCHIVED")).body("version", equalTo(2));
        as("editor").delete("/api/knowledge/articles/" + slug).then().statusCode(200).body("version", equalTo(2));
        search("agent", marker).body("items.slug", not(hasItem(slug)));
        as("agent").get("/api/knowledge/articles/" + slug).then().statusCode(404);
        as("editor").get("/api/knowledge/articles/" + slug + "/versions").then()
                .body("[0].changedFields", contains("status")).body("[0].note", equalTo("已下线"));
        as("editor").delete("/api/knowledge/articles/no-such-article").then().statusCode(404);
    }

    @Test
    void onlyEditorsAndAdministratorsWriteArticles() {
        Map<String, Object> body = article(marker(), "权限测试");
        for (String user : List.of("agent", "housing", "desk", "supervisor")) {
            as(user).body(body).post("/api/knowledge/articles").then().statusCode(403);
        }
        as("admin").body(body).post("/api/knowledge/articles").then().statusCode(201);
        String slug = create(article(marker(), "权限测试二"));
        as("agent").get("/api/knowledge/articles/" + slug + "/versions").then().statusCode(403);
        as("agent").get("/api/knowledge/articles/" + slug + "/feedback").then().statusCode(403);
        // department staff read the knowledge base too
        as("housing").get("/api/knowledge/articles/" + slug).then().statusCode(200);
        Api.as("agent").auth().none().get("/api/knowledge/articles/" + slug).then().statusCode(401);
    }

    @Test
    void badArticlesAreRefusedNamingTheFieldAndRule() {
        Map<String, Object> body = article(marker(), "校验");
        body.remove("title");
        body.put("slug", "Bad Slug");
        as("editor").body(body).post("/api/knowledge/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.find { it.field == 'title' }.rule", equalTo("NotBlank"))
                .body("violations.find { it.field == 'slug' }.rule", equalTo("Pattern"));

        Map<String, Object> unknown = article(marker(), "校验");
        unknown.put("categoryCode", "999999");
        as("editor").body(unknown).post("/api/knowledge/articles").then().statusCode(422)
                .body("violations[0].field", equalTo("categoryCode")).body("violations[0].rule", equalTo("exists"));

        Map<String, Object> topLevel = article(marker(), "校验");
        topLevel.put("categoryCode", "13");
        as("editor").body(topLevel).post("/api/knowledge/articles").then().statusCode(422)
                .body("violations[0].rule", equalTo("level"));

        Map<String, Object> dates = article(marker(), "校验");
        dates.put("expiresOn", "2023-12-31");
        as("editor").body(dates).post("/api/knowledge/articles").then().statusCode(422)
                .body("violations[0].field", equalTo("expiresOn"));

        Map<String, Object> status = article(marker(), "校验");
        status.put("status", "PENDING");
        as("editor").body(status).post("/api/knowledge/articles").then().statusCode(400)
                .body("violations[0].field", equalTo("status")).body("violations[0].rule", equalTo("enum"));

        Map<String, Object> first = article(marker(), "重复");
        first.put("slug", "duplicate-" + marker());
        create(first);
        as("editor").body(first).post("/api/knowledge/articles").then().statusCode(409);
    }

    @Test
    void agentsRateArticlesOncePerPersonAndEditorsReadTheComments() {
        String slug = create(article(marker(), "评价测试"));
        as("agent").body(Map.of("helpful", true)).post("/api/knowledge/articles/" + slug + "/feedback").then()
                .statusCode(200).body("helpful", equalTo(1)).body("unhelpful", equalTo(0)).body("mine", equalTo(true));
        as("agent").body(Map.of("helpful", false, "comment", "材料清单已过时"))
                .post("/api/knowledge/articles/" + slug + "/feedback").then()
                .body("helpful", equalTo(0)).body("unhelpful", equalTo(1)).body("mine", equalTo(false));
        as("supervisor").body(Map.of("helpful", true)).post("/api/knowledge/articles/" + slug + "/feedback").then()
                .body("helpful", equalTo(1)).body("unhelpful", equalTo(1));
        as("editor").get("/api/knowledge/articles/" + slug + "/feedback").then().statusCode(200)
                .body("username", contains("supervisor", "agent"))
                .body("find { it.username == 'agent' }.comment", equalTo("材料清单已过时"));
        as("agent").body(Map.of("comment", "x")).post("/api/knowledge/articles/" + slug + "/feedback").then()
                .statusCode(400).body("violations[0].field", equalTo("helpful"));
        as("editor").get("/api/knowledge/articles/" + slug).then().body("feedback.mine", nullValue());
    }

    @Test
    void readsByAgentsAreCounted() {
        String slug = create(article(marker(), "浏览量测试"));
        as("agent").get("/api/knowledge/articles/" + slug).then().body("viewCount", equalTo(1));
        as("housing").get("/api/knowledge/articles/" + slug).then().body("viewCount", equalTo(2));
        as("editor").get("/api/knowledge/articles/" + slug).then().body("viewCount", equalTo(2));
    }

    @Test
    void autocompleteSimilarAndSuggestionsForAWorkOrder() {
        String marker = marker();
        String rent = create(article(marker, "无房职工租房提取住房公积金"));
        String purchase = create(article(marker, "购买自住住房提取住房公积金"));

        as("agent").queryParam("q", marker.substring(0, 8)).get("/api/knowledge/autocomplete").then()
                .statusCode(200).body("slug", hasItem(rent));
        as("agent").get("/api/knowledge/articles/" + rent + "/similar").then().statusCode(200)
                .body("slug", hasItem(purchase)).body("slug", not(hasItem(rent)));

        as("agent").body(Map.of("title", "租房提取公积金 " + marker, "content", "来电人在本市无房，想用公积金付房租"))
                .post("/api/knowledge/suggestions").then().statusCode(200).body("slug", hasItem(rent));

        Map<String, Object> registration = Api.registration();
        registration.put("title", "咨询租房提取公积金 " + marker);
        registration.put("content", "市民在本市无自有住房，租房居住，想提取住房公积金支付房租 " + marker);
        String number = Api.register(registration);
        as("agent").get("/api/work-orders/" + number + "/suggested-articles").then().statusCode(200)
                .body("slug", hasItem(rent)).body("size()", equalTo(3));
        as("market").get("/api/work-orders/" + number + "/suggested-articles").then().statusCode(404);
    }

    @Test
    void theIndexReportsItselfInStepWithTheDatabase() {
        create(article(marker(), "索引状态"));
        Map<String, Object> status = as("admin").get("/api/knowledge/index").then().statusCode(200)
                .body("backend", equalTo(backend())).extract().as(Map.class);
        assertThat(status.get("documents")).isEqualTo(status.get("articles"));
        assertThat(status.get("queued")).isEqualTo(0);
        as("agent").get("/api/knowledge/index").then().statusCode(403);
    }
}
