package org.hotline12345.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A work order's whole life in the browser, each role on its own pages: the agent registers and dispatches it, the
 * department accepts and replies, the supervisor approves the reply, the agent records the callback and it closes.
 */
@QuarkusTest
class MainPathBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void fromRegistrationToClosedThroughEveryRolesPages() {
        String title = "楼道堆放杂物堵塞消防通道 " + System.nanoTime();
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            browser.driver().findElement(By.name("name")).sendKeys("周先生");
            browser.driver().findElement(By.id("phone-number")).sendKeys("13700001111");
            browser.driver().findElement(By.id("title")).sendKeys(title);
            browser.driver().findElement(By.name("content")).sendKeys("三单元楼道长期堆放杂物，物业不清理。");
            new Select(browser.driver().findElement(By.name("requestType"))).selectByValue("COMPLAINT");
            browser.chooseCategory("物业服务收费", "城乡建设 / 物业管理 / 物业服务收费");
            new Select(browser.driver().findElement(By.name("leadDepartmentCode"))).selectByValue("HOUSING");
            browser.driver().findElement(By.cssSelector("#registration button[type=submit]")).click();
            String number = browser.text(By.id("registered-number"));
            assertThat(browser.text(By.id("mine"))).contains(number);
            browser.signOut();

            browser.signIn("housing");
            browser.go("/department/work-orders/" + number);
            browser.driver().findElement(By.cssSelector("#accept button")).click();
            browser.driver().findElement(By.cssSelector("#reply-form textarea")).sendKeys("已督促物业清理楼道杂物并张贴告示。");
            browser.driver().findElement(By.cssSelector("#reply-form button[type=submit]")).click();
            assertThat(browser.text(By.id("status"))).isEqualTo("已回复");
            browser.signOut();

            browser.signIn("supervisor");
            browser.driver().findElement(By.linkText("审批与回访")).click();
            browser.driver().findElement(By.cssSelector("#replies a[href$='" + number + "']")).click();
            assertThat(browser.text(By.id("reply"))).isEqualTo("已督促物业清理楼道杂物并张贴告示。");
            browser.driver().findElement(By.cssSelector("#review button[value=approve]")).click();
            assertThat(browser.text(By.id("status"))).isEqualTo("待回访");
            browser.screenshot("hotline-work-order");
            browser.signOut();

            browser.signIn("agent");
            browser.go("/hotline/approvals");
            browser.driver().findElement(By.cssSelector("#callbacks a[href$='" + number + "']")).click();
            new Select(browser.driver().findElement(By.name("resolved"))).selectByValue("true");
            new Select(browser.driver().findElement(By.name("satisfaction"))).selectByValue("SATISFIED");
            browser.driver().findElement(By.cssSelector("#callback-form button")).click();
            assertThat(browser.text(By.id("status"))).isEqualTo("已办结");
            assertThat(browser.text(By.id("history"))).contains("受理").contains("签收").contains("回复").contains("回访");
            browser.screenshot("hotline-closed");

            // an agent does not approve replies; a department has no hotline pages
            browser.go("/hotline/approvals");
            assertThat(browser.driver().findElements(By.id("replies"))).isNotEmpty();
            browser.signOut();
            browser.signIn("market");
            browser.go("/hotline/approvals");
            assertThat(browser.driver().findElements(By.id("replies"))).isEmpty();
            browser.go("/agent");
            assertThat(browser.driver().findElements(By.id("registration"))).isEmpty();
        }
    }

    @Test
    void aQuestionAnsweredOnTheCallClosesAtOnce() {
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            // the desktop works from the keyboard: Alt+R the title, Alt+D the department to dispatch to, Alt+K knowledge
            assertThat(focusedBy(browser, "r").getDomAttribute("id")).isEqualTo("title");
            assertThat(focusedBy(browser, "d").getDomAttribute("name")).isEqualTo("leadDepartmentCode");
            assertThat(focusedBy(browser, "k").getDomAttribute("name")).isEqualTo("q");
            browser.driver().findElement(By.name("name")).sendKeys("吴女士");
            browser.driver().findElement(By.id("phone-number")).sendKeys("13700002222");
            browser.driver().findElement(By.id("title")).sendKeys("咨询公积金提取条件");
            browser.driver().findElement(By.name("content")).sendKeys("想了解租房提取住房公积金需要哪些材料。");
            browser.chooseCategory("物业服务收费", "城乡建设 / 物业管理 / 物业服务收费");
            // the assistant offers articles for what was typed; the agent answers from one and the work order says which
            browser.waitFor(By.cssSelector("#assist[data-pending='false'] #assist-articles .article a"));
            WebElement offered = browser.driver().findElement(By.cssSelector("#assist-articles .article a"));
            String slug = offered.getAttribute("href").replaceAll(".*/knowledge/articles/", "");
            String title = offered.getText();
            browser.driver().findElement(By.cssSelector("#assist-articles .article button.chip")).click();
            assertThat(browser.driver().findElement(By.id("direct-answer")).getAttribute("value")).isNotBlank();
            assertThat(browser.text(By.id("answer-article-name"))).isEqualTo(title);
            browser.screenshot("agent-desktop-assist");
            browser.driver().findElement(By.cssSelector("#registration button[type=submit]")).click();
            String number = browser.text(By.id("registered-number"));
            assertThat(browser.text(By.cssSelector(".notice.ok:not(#registered)"))).isEqualTo("已当场答复，工单已办结");
            browser.go("/hotline/work-orders/" + number);
            assertThat(browser.text(By.id("status"))).isEqualTo("已办结");
            Api.as("agent").get("/api/work-orders/" + number).then().statusCode(200)
                    .body("history.find { it.type == 'ANSWERED_DIRECTLY' }.details.article", equalTo(slug))
                    .body("history.find { it.type == 'ANSWERED_DIRECTLY' }.details.articleTitle", equalTo(title));
        }
    }

    /** Presses Alt and the key, as an agent uses the page's access keys, and returns what has the focus then. */
    private static WebElement focusedBy(Browser browser, String key) {
        new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
        return browser.driver().switchTo().activeElement();
    }
}
