package org.hotline12345.departmentworkbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.support.Api.as;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A department clerk's day through the pages: an urge waits in the notification centre with the unread count in the
 * header; the clerk keeps the department's reply phrases, uploads evidence shown under their name, replies with a
 * phrase while an extension request is pending and is asked before it is withdrawn, and finds the work order among
 * what the department has handled (已办).
 */
@QuarkusTest
class DepartmentStaffBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aClerkReadsTheUrgeKeepsPhrasesRepliesAfterBeingAskedAndFindsItHandled() throws Exception {
        String number = Api.registerDispatched("HOUSING");
        String phrase = "经现场核查，已责令物业公司限期整改。" + System.nanoTime();
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("housing");
            // earlier notifications read, so that the one this test causes is the one unread
            browser.go("/notifications");
            // offered only while something is unread; the page that follows the post says it is done, so that the
            // urge below is not marked read by a post still on its way
            for (WebElement readAll : browser.driver().findElements(By.id("read-all"))) {
                readAll.click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                        .until(ExpectedConditions.stalenessOf(readAll));
            }
            Api.step("supervisor", number, "urge", Map.of("comment", "市民再次来电，请加快")).statusCode(200);
            browser.go("/department");
            int unread = Integer.parseInt(browser.text(By.id("unread-count")));
            assertThat(unread).isPositive();
            browser.driver().findElement(By.id("notifications-link")).click();
            // what is unread, as a clerk filters it: other tests' notifications, some dated by their moved clocks,
            // would otherwise fill the first page
            browser.driver().findElement(By.id("show-unread")).click();
            WebElement row = browser.waitFor(By.xpath("//table[@id='notifications']//tr[.//button[text()='" + number
                    + "']]"));
            assertThat(row.getDomAttribute("class")).isEqualTo("unread");
            assertThat(row.getText()).contains("催办", "催办：工单 " + number, "市民再次来电，请加快");
            browser.screenshot("department-notifications");
            row.findElement(By.xpath(".//button[text()='" + number + "']")).click();
            browser.awaitText(By.id("number"), number);
            assertThat(browser.driver().findElement(By.id("unread-count")).getDomProperty("textContent"))
                    .as("opened, so read").isEqualTo(String.valueOf(unread - 1));
            browser.go("/notifications?unread=true");
            assertThat(browser.driver().findElements(By.xpath("//button[text()='" + number + "']"))).isEmpty();

            // the department's reply phrases, kept by its staff
            browser.go("/department");
            browser.driver().findElement(By.linkText("常用语")).click();
            browser.driver().findElement(By.cssSelector("#add-phrase textarea")).sendKeys(phrase);
            browser.driver().findElement(By.cssSelector("#add-phrase button")).click();
            assertThat(browser.text(By.id("phrases"))).contains(phrase);

            browser.go("/department/work-orders/" + number);
            browser.driver().findElement(By.cssSelector("#accept button")).click();
            browser.awaitText(By.id("status"), "已签收");
            Path evidence = Files.createTempFile("整改通知", ".pdf");
            Files.writeString(evidence, "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n", StandardCharsets.US_ASCII);
            browser.driver().findElement(By.cssSelector("#attachments input[type=file]"))
                    .sendKeys(evidence.toString());
            browser.driver().findElement(By.cssSelector("#attachments button")).click();
            assertThat(browser.text(By.id("attachments"))).contains(evidence.getFileName().toString(), "李承办（市住建局）")
                    .doesNotContain(" housing ");
            browser.driver().findElement(By.cssSelector("#extension input[name=days]")).sendKeys("3");
            browser.driver().findElement(By.cssSelector("#extension textarea")).sendKeys("需协调业委会，时间不够");
            browser.driver().findElement(By.cssSelector("#extension button")).click();
            browser.waitFor(By.id("pending-extension"));

            // replying would withdraw the pending extension request: the page asks first
            browser.driver().findElement(By.xpath("//p[@id='reply-phrases']/button[@title='" + phrase + "']"))
                    .click();
            assertThat(browser.driver().findElement(By.id("reply-content")).getDomProperty("value"))
                    .isEqualTo(phrase);
            assertThat(browser.text(By.id("reply-withdraws-extension"))).contains("提交回复会撤回该申请");
            browser.screenshot("department-reply-asks-about-extension");
            browser.driver().findElement(By.cssSelector("#reply-form button[type=submit]")).click();
            assertThat(browser.text(By.id("status"))).as("the unticked question holds the reply back")
                    .isEqualTo("已签收");
            Pages.form("housing", "/department/work-orders/" + number).formParam("content", "已处理")
                    .post("/department/work-orders/" + number + "/reply").then().statusCode(303)
                    .header("Location", containsString("error="));
            Api.as("housing").get("/api/work-orders/" + number).then().body("status", equalTo("ACCEPTED"));
            browser.driver().findElement(By.name("withdrawExtension")).click();
            browser.driver().findElement(By.cssSelector("#reply-form button[type=submit]")).click();
            browser.awaitText(By.id("status"), "已回复");
            as("housing").get("/api/work-orders/" + number).then().body("reply", equalTo(phrase))
                    .body("history.type", hasItem("EXTENSION_WITHDRAWN"));

            browser.driver().findElement(By.linkText("已办工单")).click();
            WebElement handled = browser.waitFor(By.cssSelector("#handled tr[data-number='" + number + "']"));
            assertThat(handled.getText()).contains("已回复", "回复 ·", "李承办（市住建局）");
            browser.screenshot("department-handled");

            // a wide screen is used, not left half empty
            browser.driver().manage().window().setSize(new Dimension(1920, 1080));
            browser.go("/department");
            assertThat(browser.waitFor(By.id("inbox")).getRect().getWidth()).isGreaterThan(1800);
            browser.screenshot("department-inbox-1920");
        }
    }
}
