package org.hotline12345.departmentworkbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A department's day in the browser: the inbox, accept, ask for more time, reply; a return; another department kept
 * out.
 */
@QuarkusTest
class DepartmentWorkbenchBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theDepartmentAcceptsAsksForMoreTimeRepliesAndReturnsWhatIsNotItsOwn() throws Exception {
        String number = registerDispatched("HOUSING");
        String notOurs = registerDispatched("HOUSING");
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("housing");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/department");
            browser.go("/department?q=" + number);
            String row = "#inbox tr[data-number='" + number + "']";
            browser.screenshot("department-inbox");
            assertThat(browser.text(By.cssSelector(row + " .remaining"))).startsWith("剩余");
            assertThat(browser.text(By.cssSelector(row + " .card"))).isIn("正常", "黄牌");

            browser.driver().findElement(By.linkText(number)).click();
            assertThat(browser.text(By.id("status"))).isEqualTo("已派单");
            browser.driver().findElement(By.cssSelector("#accept button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已签收");
            assertThat(browser.text(By.id("status"))).isEqualTo("已签收");
            // a supervisor urges: the open page shows it at once
            step("supervisor", number, "urge", Map.of("comment", "市民再次来电，请今日联系")).statusCode(200);
            assertThat(browser.text(By.cssSelector(".live-notice"))).contains("市民再次来电，请今日联系").contains(number);

            Path evidence = Files.createTempDirectory("attachments").resolve("整改通知书.pdf");
            Files.write(evidence, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            browser.driver().findElement(By.cssSelector("#attachments input[type=file]"))
                    .sendKeys(evidence.toAbsolutePath().toString());
            browser.driver().findElement(By.cssSelector("#attachments button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已上传附件");
            assertThat(browser.text(By.cssSelector("#attachments li a"))).isEqualTo("整改通知书.pdf");

            browser.driver().findElement(By.cssSelector("#extension input[name=days]")).sendKeys("3");
            browser.driver().findElement(By.cssSelector("#extension textarea")).sendKeys("需现场核查并协调物业公司");
            browser.driver().findElement(By.cssSelector("#extension button")).click();
            assertThat(browser.text(By.id("pending-extension"))).contains("3 个工作日").contains("待审批");

            browser.driver().findElement(By.cssSelector("#reply-form textarea")).sendKeys("已约谈物业公司，暂停上调物业费。");
            // the pending extension request goes with the reply: the page asks first
            browser.driver().findElement(By.name("withdrawExtension")).click();
            browser.driver().findElement(By.cssSelector("#reply-form button[type=submit]")).click();
            assertThat(browser.text(By.id("status"))).isEqualTo("已回复");
            assertThat(browser.text(By.id("reply"))).isEqualTo("已约谈物业公司，暂停上调物业费。");
            assertThat(browser.text(By.id("history"))).contains("签收").contains("延期").contains("回复");
            browser.screenshot("department-work-order");

            browser.go("/department/work-orders/" + notOurs);
            browser.driver().findElement(By.cssSelector("#return button")).click();
            // the browser refuses an empty reason before the service has to
            assertThat(browser.text(By.id("status"))).isEqualTo("已派单");
            browser.driver().findElement(By.cssSelector("#return textarea")).sendKeys("小区物业收费属区发改局职责");
            browser.driver().findElement(By.cssSelector("#return button")).click();
            // the page is replaced by the answer to the form: wait for it rather than read the old one
            browser.awaitText(By.id("status"), "退单待审");
            browser.signOut();

            browser.signIn("market");
            browser.go("/department/work-orders/" + number);
            assertThat(browser.driver().findElements(By.id("status"))).isEmpty();
        }
    }
}
