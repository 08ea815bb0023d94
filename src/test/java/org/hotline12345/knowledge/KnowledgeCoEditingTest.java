package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline12345.knowledge.Articles.article;
import static org.hotline12345.knowledge.Articles.marker;
import static org.hotline12345.support.Api.as;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * 共建共享 through the API: a department drafts and revises its own articles, never publishes, and an editor publishes
 * or sends back with a comment; owners are reminded before review dates and expiry; editors see the knowledge gaps;
 * the public finds only public articles, without internal notes; a long citizen message is searched whole.
 */
@QuarkusTest
class KnowledgeCoEditingTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @Inject
    KnowledgeReviewReminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An article of the market regulator (SAMR), whose staff is the demo user {@code market}. */
    private static Map<String, Object> marketArticle(String marker, String title) {
        Map<String, Object> body = article(marker, title);
        body.put("departmentCode", "SAMR");
        body.put("categoryCode", "130401");
        return body;
    }

    @Test
    void aDepartmentRevisesItsArticleAndOnlyAnEditorPublishesIt() {
        String marker = marker();
        String slug = as("editor").body(marketArticle(marker, "网购商品七天无理由退货"))
                .post("/api/knowledge/articles").then().statusCode(201).extract().path("slug");

        Map<String, Object> revision = marketArticle(marker, "网购商品七天无理由退货规则");
        revision.put("answer", "消费者自收到商品之日起七日内可无理由退货，定制商品等除外。" + marker + " 修订稿");
        revision.put("note", "补充除外情形");
        int id = as("market").queryParam("article", slug).body(revision).post("/api/knowledge/proposals").then()
                .statusCode(201).body("status", equalTo("SUBMITTED")).body("articleSlug", equalTo(slug))
                .body("baseVersion", equalTo(1)).extract().path("id");
        // nothing agents see changes until an editor publishes
        as("agent").get("/api/knowledge/articles/" + slug).then().statusCode(200).body("version", equalTo(1));
        // staff never publish, and propose nothing for another department
        as("market").post("/api/knowledge/proposals/" + id + "/publish").then().statusCode(403);
        as("housing").queryParam("article", slug).body(revision).post("/api/knowledge/proposals").then()
                .statusCode(403);
        Map<String, Object> otherDepartment = marketArticle(marker, "别的单位");
        otherDepartment.put("departmentCode", "HOUSING");
        as("market").body(otherDepartment).post("/api/knowledge/proposals").then().statusCode(422)
                .body("violations.field", hasItem("departmentCode"));

        as("editor").body(Map.of("comment", "请写明定制商品以外的除外情形")).post("/api/knowledge/proposals/" + id + "/send-back")
                .then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("reviewComment", equalTo("请写明定制商品以外的除外情形"));
        // the unread ones, as many as the page takes: other tests' supervision passes, under a clock moved ahead,
        // leave the department notices dated later than this one
        as("market").queryParam("unread", true).queryParam("size", 200).get("/api/notifications").then()
                .statusCode(200).body("items.title", hasItem("知识条目被退回：网购商品七天无理由退货规则 " + marker));

        revision.put("answer", "消费者自收到商品之日起七日内可无理由退货；定制、鲜活易腐、已拆封的音像制品等除外。" + marker);
        as("market").body(revision).put("/api/knowledge/proposals/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        as("editor").get("/api/knowledge/proposals").then().statusCode(200).body("id", hasItem(id));
        as("editor").post("/api/knowledge/proposals/" + id + "/publish").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("PUBLISHED"));
        as("agent").get("/api/knowledge/articles/" + slug).then().statusCode(200)
                .body("title", equalTo("网购商品七天无理由退货规则 " + marker))
                .body("answer", org.hamcrest.Matchers.containsString("鲜活易腐"));
        as("editor").get("/api/knowledge/articles/" + slug + "/versions").then().statusCode(200)
                .body("[0].note", equalTo("采纳 market 的提交：补充除外情形"));
        as("market").get("/api/knowledge/proposals/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedSlug", equalTo(slug));
        as("market").post("/api/knowledge/proposals/" + id + "/publish").then().statusCode(403);
    }

    @Test
    void aDepartmentDraftsANewArticleWhichTheEditorPublishes() {
        String marker = marker();
        Map<String, Object> draft = marketArticle(marker, "预付卡商家跑路怎么维权");
        draft.put("publicAnswer", true);
        int id = as("market").body(draft).post("/api/knowledge/proposals").then().statusCode(201)
                .body("articleSlug", nullValue()).body("content.status", equalTo("DRAFT"))
                // editors decide what is public
                .body("content.publicAnswer", equalTo(false)).extract().path("id");
        String slug = as("editor").post("/api/knowledge/proposals/" + id + "/publish").then().statusCode(200)
                .body("department.code", equalTo("SAMR")).extract().path("slug");
        as("agent").queryParam("q", marker).get("/api/knowledge/articles").then().statusCode(200)
                .body("items.slug", hasItem(slug));
    }

    @Test
    void ownersAreRemindedOnceBeforeAnArticleIsDueForReviewOrExpires() {
        String marker = marker();
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Object> due = marketArticle(marker, "食品经营许可证延续");
        due.put("reviewOn", today.plusDays(10).toString());
        as("editor").body(due).post("/api/knowledge/articles").then().statusCode(201);
        Map<String, Object> expiring = marketArticle(marker, "临时促销活动备案");
        expiring.put("expiresOn", today.plusDays(3).toString());
        as("editor").body(expiring).post("/api/knowledge/articles").then().statusCode(201);
        Map<String, Object> later = marketArticle(marker, "个体工商户年报");
        later.put("reviewOn", today.plusDays(200).toString());
        as("editor").body(later).post("/api/knowledge/articles").then().statusCode(201);

        assertThat(reminders.remind()).isGreaterThanOrEqualTo(2);
        List<String> titles = as("market").queryParam("size", 100).get("/api/notifications").then().statusCode(200)
                .extract().path("items.title");
        assertThat(titles).contains("知识条目应于 " + today.plusDays(10) + " 前复审：食品经营许可证延续 " + marker,
                "知识条目将于 " + today.plusDays(3) + " 失效：临时促销活动备案 " + marker)
                .noneMatch(t -> t.contains("个体工商户年报 " + marker));
        // once per date
        assertThat(reminders.remind()).isZero();
    }

    @Test
    void editorsSeeSearchesNobodyUsedAndAnswersGivenWithoutAnArticle() {
        String marker = marker();
        String slug = as("editor").body(article(marker, "残疾人两项补贴申领")).post("/api/knowledge/articles").then()
                .statusCode(201).extract().path("slug");
        // searched and opened: used; searched and left: a gap
        as("agent").queryParam("q", marker + " 两项补贴").get("/api/knowledge/articles").then().statusCode(200);
        as("agent").get("/api/knowledge/articles/" + slug).then().statusCode(200);
        as("agent").queryParam("q", marker + " 轮椅租借").get("/api/knowledge/articles").then().statusCode(200);
        String number = org.hotline12345.support.Api.register(org.hotline12345.support.Api.registration());
        as("agent").body(Map.of("answer", "已告知来电人轮椅可向街道残联借用 " + marker))
                .post("/api/work-orders/" + number + "/answer").then().statusCode(200);

        // a search is a gap once its reader had time to use it
        clock.advance(Duration.ofMinutes(KnowledgeGaps.USE_WINDOW.toMinutes() + 1));
        as("agent").get("/api/knowledge/gaps").then().statusCode(403);
        as("editor").get("/api/knowledge/gaps").then().statusCode(200)
                .body("searches.text", hasItem(marker + " 轮椅租借"))
                .body("searches.text", not(hasItem(marker + " 两项补贴")))
                .body("answers.number", hasItem(number));
    }

    @Test
    void thePublicFindsOnlyPublicArticlesWithoutInternalNotes() {
        String marker = marker();
        Map<String, Object> shown = article(marker, "新生儿出生一件事联办");
        shown.put("publicAnswer", true);
        shown.put("internalNote", "内部：系统故障时转卫健委 " + marker);
        String publicSlug = as("editor").body(shown).post("/api/knowledge/articles").then().statusCode(201)
                .extract().path("slug");
        String internalSlug = as("editor").body(article(marker, "新生儿出生医学证明补办")).post("/api/knowledge/articles")
                .then().statusCode(201).extract().path("slug");

        io.restassured.RestAssured.given().queryParam("q", marker + " 新生儿").get("/api/public/knowledge/articles")
                .then().statusCode(200).body("items.slug", hasItem(publicSlug))
                .body("items.slug", not(hasItem(internalSlug)))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("score")));
        String article = io.restassured.RestAssured.given().get("/api/public/knowledge/articles/" + publicSlug)
                .then().statusCode(200).body("title", equalTo("新生儿出生一件事联办 " + marker)).extract().asString();
        assertThat(article).doesNotContain("内部").doesNotContain("internalNote").doesNotContain("editor");
        io.restassured.RestAssured.given().get("/api/public/knowledge/articles/" + internalSlug).then()
                .statusCode(404);
        // agents read the note
        as("agent").get("/api/knowledge/articles/" + publicSlug).then().statusCode(200)
                .body("internalNote", equalTo("内部：系统故障时转卫健委 " + marker));
    }

    @Test
    void aWholeCitizenMessageIsSearchedAsItIs() {
        String marker = marker();
        String slug = as("editor").body(article(marker, "住房公积金提取用于支付房租")).post("/api/knowledge/articles").then()
                .statusCode(201).extract().path("slug");
        String message = ("市民来电反映：本人在本市租房居住，没有自有住房，" + marker + " 想了解能不能用公积金交房租，"
                + "需要准备哪些材料、在哪里办理、多久能到账。").repeat(25);
        assertThat(message.length()).isGreaterThan(1500);
        // found among the answers; first place may go to the shipped article on the same subject, which answers it
        // as well (the vectors weigh the whole message, the marker is one word in it)
        as("agent").body(Map.of("text", message)).post("/api/knowledge/search").then().statusCode(200)
                .body("items.slug", hasItem(slug));
        as("agent").body(Map.of("text", "字".repeat(10_001))).post("/api/knowledge/search").then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("text")));
        io.restassured.RestAssured.given().body(Map.of("text", message)).contentType("application/json")
                .post("/api/public/knowledge/search").then().statusCode(200);
    }
}
