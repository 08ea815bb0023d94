package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** An agent looks something up in the knowledge base while on a call, reads it and says it helped. */
@QuarkusTest
class KnowledgePagesBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void searchShowsTheMatchedWordsAndAnArticleTakesFeedback() {
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            browser.driver().findElement(By.linkText("知识库")).click();
            browser.driver().findElement(By.name("q")).sendKeys("公积金提取");
            browser.driver().findElement(By.cssSelector("form[role=search] button")).click();
            assertThat(browser.text(By.id("hits-total"))).matches("找到 [1-9]\\d* 篇");
            assertThat(browser.driver().findElements(By.cssSelector("#hits .hit-title em"))).isNotEmpty();
            browser.screenshot("knowledge-search");

            browser.driver().findElement(By.cssSelector("#hits .hit-title")).click();
            String counts = browser.text(By.id("feedback-counts"));
            int helpful = Integer.parseInt(counts.split(" / ")[0]);
            assertThat(browser.text(By.id("answer"))).isNotBlank();
            browser.driver().findElement(By.cssSelector("#feedback button[value=true]")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("感谢反馈");
            assertThat(browser.text(By.id("feedback-counts"))).startsWith((helpful + 1) + " / ");

            browser.go("/knowledge?q=" + "<script>alert(1)</script>");
            assertThat(browser.driver().findElements(By.cssSelector("#hits script"))).isEmpty();
        }
    }
}
