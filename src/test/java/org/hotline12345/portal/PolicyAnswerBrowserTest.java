package org.hotline12345.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline12345.support.Api.as;

import java.net.URL;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 政策问答 in Chromium, on a phone (390×844) and a desktop (1366×768): a citizen finds only public articles in effect,
 * reads one with its answer formatted and its raw HTML shown as text, never the staff's note, and goes on to 我要留言
 * with the question filled in; an article that is not public is not found, nor opened by its address.
 */
@QuarkusTest
class PolicyAnswerBrowserTest extends DatabaseTest {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final SecureRandom RANDOM = new SecureRandom();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCitizenFindsReadsAndAsksFurther() {
        String marker = marker();
        String answer = """
                高温天气户外作业人员可以按月领取防暑降温费：

                - 6 月至 9 月发放
                - 标准见[人社部门通知](https://example.gov.cn/notice)

                <script>alert('x')</script>""";
        String slug = create(article("高温天气户外作业人员的防暑降温费 " + marker, answer, true, null, marker));
        String internal = create(article("防暑降温费内部口径 " + marker, "仅供坐席参考。", false, null, marker));
        String expired = create(article("往年防暑降温费标准 " + marker, "已失效的标准。", true,
                LocalDate.now().minusDays(3).toString(), marker));

        String question = "防暑降温费怎么领 " + marker;
        try (Browser citizen = Browser.open(base.toString())) {
            citizen.driver().manage().window().setSize(PHONE);
            citizen.go("/public");
            citizen.driver().findElement(By.id("tile-knowledge")).click();
            citizen.waitFor(By.name("q")).sendKeys(question);
            citizen.driver().findElement(By.id("search")).click();
            List<String> found = citizen.driver().findElements(By.cssSelector("#answers a.answer-title")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            // the public article first; neither the internal nor the expired one, though they match as well
            assertThat(found.get(0)).contains("/public/knowledge/" + slug + "?q=");
            assertThat(found).noneMatch(href -> href.contains(internal) || href.contains(expired));
            assertThat(citizen.text(By.id("answers"))).doesNotContain("内部口径").doesNotContain("往年");
            citizen.screenshot("portal-knowledge-search-390");

            citizen.driver().findElement(By.cssSelector("#answers a.answer-title")).click();
            assertThat(citizen.text(By.id("article-title"))).startsWith("高温天气户外作业人员的防暑降温费");
            WebElement shown = citizen.driver().findElement(By.id("article-answer"));
            assertThat(shown.findElements(By.cssSelector("li"))).hasSize(2);
            assertThat(shown.findElement(By.cssSelector("a")).getAttribute("rel")).contains("noopener");
            // raw HTML in an answer is text, never markup
            assertThat(shown.getText()).contains("<script>alert('x')</script>");
            assertThat(shown.findElements(By.cssSelector("script"))).isEmpty();
            assertThat(citizen.text(By.id("article"))).doesNotContain("内部备注");
            citizen.screenshot("portal-knowledge-article-390");

            citizen.driver().findElement(By.id("ask")).click();
            assertThat(citizen.waitFor(By.name("content")).getAttribute("value")).isEqualTo(question);
            assertThat(citizen.driver().findElement(By.name("title")).getAttribute("value")).isEqualTo(question);
            citizen.screenshot("portal-knowledge-ask-390");
        }

        try (Browser citizen = Browser.open(base.toString())) {
            citizen.go("/public/knowledge");
            citizen.waitFor(By.name("q")).sendKeys("防暑降温费 " + marker);
            citizen.driver().findElement(By.id("search")).click();
            assertThat(citizen.driver().findElement(By.cssSelector("#answers a.answer-title")).getAttribute("href"))
                    .contains(slug);
            citizen.screenshot("portal-knowledge-search-1366");
            assertThat(citizen.driver().findElement(By.id("ask")).getAttribute("href"))
                    .contains("/public/submit?question=").contains(marker);
        }

        // neither an internal nor an expired article opens by its address; the page says so in the portal's frame
        for (String hidden : List.of(internal, expired)) {
            given().get("/public/knowledge/" + hidden).then().statusCode(404)
                    .body(containsString("没有找到这条问答")).body(containsString("12345 网上服务"))
                    .body(not(containsString("仅供坐席参考")));
        }
        given().queryParam("q", "问".repeat(501)).get("/public/knowledge").then().statusCode(400)
                .body(containsString("问题请控制在 500 字以内"));
    }

    private static String create(Map<String, Object> article) {
        return as("editor").body(article).post("/api/knowledge/articles").then().statusCode(201).extract()
                .path("slug");
    }

    private static Map<String, Object> article(String title, String answer, boolean isPublic, String expiresOn,
            String marker) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("questions", List.of("防暑降温费发放标准 " + marker));
        body.put("answer", answer);
        body.put("categoryCode", "130401");
        body.put("departmentCode", "APPROVAL");
        body.put("source", Map.of("name", "测试依据", "number", "测试〔2026〕1号"));
        body.put("effectiveFrom", "2024-01-01");
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn);
        }
        body.put("tags", List.of("测试"));
        body.put("status", "PUBLISHED");
        body.put("publicAnswer", isPublic);
        body.put("internalNote", "内部备注：仅供坐席 " + marker);
        return body;
    }

    /** A word no other article contains. */
    private static String marker() {
        StringBuilder word = new StringBuilder("pa");
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }
}
