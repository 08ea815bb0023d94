package org.hotline12345.knowledge;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline12345.knowledge.Articles.article;
import static org.hotline12345.knowledge.Articles.marker;
import static org.hotline12345.support.Api.as;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 共建共享 in the pages: the market regulator's staff revise their article, the editor sends it back with a comment,
 * the staff revise again and the editor publishes; agents find the new answer. The editor's 知识缺口 lists what agents
 * searched for without opening anything.
 */
@QuarkusTest
class KnowledgeCoEditingBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDepartmentRevisesItsArticleAndTheEditorSendsItBackThenPublishesIt() {
        String marker = marker();
        Map<String, Object> body = article(marker, "网店不发货怎么投诉");
        body.put("departmentCode", "SAMR");
        String slug = as("editor").body(body).post("/api/knowledge/articles").then().statusCode(201).extract()
                .path("slug");
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("market");
            browser.go("/knowledge/department");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("单位知识：市市场监管局");
            browser.driver().findElement(By.cssSelector("tr[data-slug='" + slug + "'] a.revise")).click();
            WebElement answer = browser.waitFor(By.id("answer"));
            answer.clear();
            answer.sendKeys("网店收款后不发货的，可先与平台客服协商；协商不成的，可通过全国12315平台投诉，" + marker + "。");
            browser.driver().findElement(By.id("note")).sendKeys("补充12315投诉渠道");
            browser.driver().findElement(By.id("submit-proposal")).click();
            browser.awaitText(By.id("done"), "已提交，等待知识库编辑审核");
            assertThat(browser.text(By.id("proposal-status"))).isEqualTo("待审核");
            browser.screenshot("knowledge-proposal-submitted");
            String proposalPath = java.net.URI.create(browser.driver().getCurrentUrl()).getPath();
            browser.signOut();

            browser.signIn("editor");
            browser.go("/knowledge/reviews");
            browser.driver().findElement(By.linkText("网店不发货怎么投诉 " + marker)).click();
            assertThat(browser.text(By.id("proposed-answer"))).contains("全国12315平台");
            assertThat(browser.text(By.id("current-answer"))).contains("这是测试用的答案");
            browser.screenshot("knowledge-review");
            browser.driver().findElement(By.id("comment")).sendKeys("请写明平台客服的联系方式在哪里找");
            browser.driver().findElement(By.id("send-back")).click();
            browser.awaitText(By.id("done"), "已退回，已通知提交单位");
            browser.signOut();

            browser.signIn("market");
            browser.go("/knowledge/department");
            assertThat(browser.text(By.cssSelector("#proposals .review-comment"))).isEqualTo("请写明平台客服的联系方式在哪里找");
            browser.go(proposalPath);
            assertThat(browser.text(By.id("review-comment"))).contains("请写明平台客服的联系方式在哪里找");
            answer = browser.waitFor(By.id("answer"));
            answer.sendKeys("平台客服入口在订单详情页。");
            browser.driver().findElement(By.id("submit-proposal")).click();
            browser.awaitText(By.id("done"), "已提交，等待知识库编辑审核");
            browser.signOut();

            browser.signIn("editor");
            browser.go("/knowledge/reviews");
            browser.driver().findElement(By.linkText("网店不发货怎么投诉 " + marker)).click();
            browser.driver().findElement(By.id("publish")).click();
            browser.awaitText(By.id("done"), "已发布（第 2 版），已通知提交单位");
            assertThat(browser.text(By.id("article-version"))).isEqualTo("第 2 版");
        }
        // the published version reaches the index just after the commit; an agent finds it by the words it added
        // (the marker alone is letters like every other test article's, which their meaning cannot tell apart)
        await("the published version found by its new words").atMost(ofSeconds(20))
                .until(() -> as("agent").queryParam("q", "网店不发货 12315平台 订单详情页 " + marker)
                        .get("/api/knowledge/articles").then().statusCode(200).extract().path("items[0].slug"),
                        slug::equals);
        String answer = as("agent").get("/api/knowledge/articles/" + slug).then().statusCode(200).extract()
                .path("answer");
        assertThat(answer).contains("全国12315平台").contains("订单详情页");
    }

    @Test
    void theEditorSeesWhatAgentsSearchedForWithoutUsingAnything() {
        String marker = marker();
        as("agent").queryParam("q", "宠物医院收费不透明 " + marker).get("/api/knowledge/articles").then().statusCode(200);
        clock.advance(Duration.ofMinutes(KnowledgeGaps.USE_WINDOW.toMinutes() + 1));
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("editor");
            browser.driver().findElement(By.linkText("知识缺口")).click();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("知识缺口");
            assertThat(browser.driver().findElements(By.cssSelector("#unused-searches .search-text")).stream()
                    .map(WebElement::getText).toList()).contains("宠物医院收费不透明 " + marker);
            browser.screenshot("knowledge-gaps");
        }
    }
}
