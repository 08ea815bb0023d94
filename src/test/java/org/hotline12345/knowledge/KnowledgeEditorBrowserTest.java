package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An editor writes an article as a draft, publishes it, reads its history and withdraws it; agents find it in the
 * knowledge base only while it is published.
 */
@QuarkusTest
class KnowledgeEditorBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anEditorWritesPublishesAndWithdrawsAnArticleThatAgentsFindOnlyWhilePublished() {
        String marker = Articles.marker();
        String title = "新生儿出生后办理户口登记与城乡居民医保参保的流程和所需材料 " + marker;
        String answer = """
                一、户口登记：新生儿出生后一个月内，由监护人持《出生医学证明》、父母双方户口簿和居民身份证、结婚证，到父亲或母亲户口所在地派出所办理出生登记。已开通“出生一件事”的医院，可在院内窗口一次提交。
                二、医保参保：完成户口登记后，可在“城乡居民医保”小程序、社区服务中心或医保经办窗口为新生儿参保缴费；出生后九十日内参保缴费的，自出生之日起享受待遇，出生期间发生的医疗费用可按规定报销。
                三、注意事项：父母一方为外地户籍的，按本市居住证政策执行；材料不全的，窗口一次性告知需补正的全部材料，市民无需往返多次。""";
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("editor");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/knowledge/editor");
            assertThat(browser.text(By.id("articles-total"))).matches("第 1 页，共 [1-9]\\d* 条");
            assertThat(browser.driver().findElements(By.cssSelector("#articles tbody tr[data-slug]"))).isNotEmpty();
            browser.screenshot("knowledge-editor");

            browser.driver().findElement(By.id("new-article")).click();
            browser.waitFor(By.id("title")).sendKeys(title);
            browser.driver().findElement(By.name("questions")).sendKeys("孩子刚出生怎么上户口\n新生儿医保怎么办");
            browser.driver().findElement(By.id("answer")).sendKeys(answer);
            new Select(browser.driver().findElement(By.name("categoryCode"))).selectByValue("130401");
            new Select(browser.driver().findElement(By.name("departmentCode"))).selectByValue("APPROVAL");
            browser.driver().findElement(By.name("sourceName")).sendKeys("关于推进新生儿出生一件事联办的通知");
            browser.driver().findElement(By.name("tags")).sendKeys("新生儿，户口，医保");
            assertThat(new Select(browser.driver().findElement(By.id("status"))).getFirstSelectedOption().getText())
                    .isEqualTo("草稿");
            browser.driver().findElement(By.id("save")).click();

            assertThat(browser.text(By.id("done"))).isEqualTo("已保存（第 1 版）");
            String slug = browser.text(By.id("slug"));
            assertThat(browser.driver().findElement(By.id("answer")).getAttribute("value")).isEqualTo(answer);
            assertThat(browser.text(By.id("article-status"))).isEqualTo("草稿");
            assertThat(agentSearch(title)).doesNotContain(link(slug));

            new Select(browser.driver().findElement(By.id("status"))).selectByValue("PUBLISHED");
            browser.driver().findElement(By.name("note")).sendKeys("核对材料清单后发布");
            browser.driver().findElement(By.id("save")).click();
            // the page before the save shows its own notice: wait for the new one
            browser.awaitText(By.id("done"), "已保存（第 2 版）");
            assertThat(browser.text(By.id("article-version"))).isEqualTo("第 2 版");
            assertThat(browser.driver().findElements(By.cssSelector("#versions tbody tr"))).hasSize(2);
            assertThat(browser.text(By.cssSelector("#versions tr[data-version='2']"))).contains("状态")
                    .contains("核对材料清单后发布").contains("吴编辑（知识库编辑）");
            assertThat(browser.text(By.id("visible"))).isEqualTo("是");
            browser.screenshot("knowledge-editor-article");
            // the agent's search finds it right after the save: the index is written once the save commits
            assertThat(agentSearch(title)).contains(link(slug));

            browser.driver().findElement(By.linkText("第 1 版")).click();
            assertThat(browser.text(By.id("version-heading"))).isEqualTo(title + " 第 1 版");
            assertThat(browser.text(By.id("version-answer"))).startsWith("一、户口登记");
            assertThat(browser.text(By.cssSelector(".facts .badge"))).isEqualTo("草稿");
            browser.driver().findElement(By.partialLinkText("返回编辑")).click();

            browser.waitFor(By.cssSelector("#archive summary"));
            WebElement confirm = browser.driver().findElement(By.id("confirm-archive"));
            assertThat(confirm.isDisplayed()).as("the withdraw button waits for its confirmation").isFalse();
            browser.driver().findElement(By.cssSelector("#archive summary")).click();
            confirm.click();
            assertThat(browser.text(By.id("done"))).isEqualTo("已下线：坐席不再能查到此条目");
            assertThat(browser.text(By.id("article-status"))).isEqualTo("已归档");
            assertThat(browser.driver().findElements(By.cssSelector("#versions tbody tr"))).hasSize(3);
            assertThat(browser.driver().findElements(By.id("archive"))).isEmpty();
            assertThat(agentSearch(title)).doesNotContain(link(slug));
            Pages.as("agent").get(link(slug)).then().statusCode(404);

            browser.go("/knowledge/editor?q=" + marker);
            assertThat(browser.driver().findElements(By.cssSelector("#articles tbody tr[data-slug]"))).hasSize(1);
            assertThat(browser.text(By.cssSelector("#articles tr[data-slug='" + slug + "']"))).contains("已归档")
                    .contains("新生儿");
        }
    }

    /** The agent's knowledge page for a search, as HTML. */
    @Test
    void theAnswerIsPreviewedBesideItsTextAsAgentsSeeItAndAgentsReadItFormatted() {
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("editor");
            browser.go("/knowledge/editor/new");
            browser.waitFor(By.id("answer")).sendKeys("## 办理条件\n1. **连续缴存**满3个月\n2. 本人及配偶无自有住房\n\n"
                    + "<script>document.title='x'</script>\n[官网](javascript:alert(1)) · [政务服务网](https://example.gov.cn)\n");
            WebElement preview = browser.driver().findElement(By.id("answer-preview"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> !preview.findElements(By.cssSelector("h2")).isEmpty()
                            && preview.getText().contains("政务服务网"));
            assertThat(preview.findElement(By.cssSelector("h2")).getText()).isEqualTo("办理条件");
            assertThat(preview.findElements(By.cssSelector("ol li"))).hasSize(2);
            assertThat(preview.findElement(By.cssSelector("li strong")).getText()).isEqualTo("连续缴存");
            assertThat(preview.getText()).contains("<script>document.title='x'</script>").doesNotContain("##", "**");
            assertThat(preview.findElements(By.tagName("script"))).isEmpty();
            assertThat(preview.findElement(By.linkText("官网")).getDomAttribute("href")).isEmpty();
            assertThat(preview.findElement(By.linkText("政务服务网")).getDomAttribute("rel"))
                    .isEqualTo("noopener noreferrer nofollow");
            assertThat(browser.driver().getTitle()).isNotEqualTo("x");
            Rectangle text = browser.driver().findElement(By.id("answer")).getRect();
            Rectangle beside = preview.getRect();
            assertThat(beside.getX()).as("the preview is beside the text")
                    .isGreaterThanOrEqualTo(text.getX() + text.getWidth());
            browser.screenshot("knowledge-editor-preview");
            browser.signOut();

            browser.signIn("agent");
            browser.go("/knowledge/articles/housing-fund-rent-withdrawal");
            WebElement answer = browser.waitFor(By.id("answer"));
            assertThat(answer.findElements(By.cssSelector("h2"))).isNotEmpty();
            assertThat(answer.getText()).doesNotContain("## ", "**");
            browser.screenshot("knowledge-article-rendered");
        }
    }

    private static String agentSearch(String text) {
        return Pages.as("agent").queryParam("q", text).get("/knowledge").then().statusCode(200).extract().asString();
    }

    private static String link(String slug) {
        return "/knowledge/articles/" + slug;
    }
}
