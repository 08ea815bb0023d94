package org.hotline12345.dispatch;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An administrator finds 派单设置 on 系统管理, turns automatic dispatch on with a threshold, is told in Chinese when the
 * threshold is out of range, sees the models in use and starts their training; then turns it off again.
 */
@QuarkusTest
class DispatchSettingsBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorTurnsAutomaticDispatchOnAndOffAndRetrainsTheModels() {
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("admin");
            browser.go("/admin");
            browser.driver().findElement(By.cssSelector("a[href='/admin/dispatch']")).click();
            browser.awaitText(By.cssSelector("h1"), "派单设置");
            assertThat(browser.text(By.id("automatic-state"))).startsWith("已关闭");

            WebElement switchBox = browser.driver().findElement(By.name("autoDispatch"));
            switchBox.click();
            threshold(browser, "0.85");
            browser.driver().findElement(By.cssSelector("#automatic button[type=submit]")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已开启自动派单");
            assertThat(browser.text(By.id("automatic-state"))).startsWith("已开启");
            assertThat(browser.text(By.id("automatic-changed"))).startsWith("admin 于").endsWith("修改");
            Api.as("admin").get("/api/dispatch/settings").then()
                    .body("autoDispatch", org.hamcrest.Matchers.equalTo(true))
                    .body("autoDispatchThreshold", org.hamcrest.Matchers.equalTo(0.85f));
            browser.screenshot("dispatch-settings-on");

            // past the browser's own range check (min 0.5), the service's refusal in Chinese
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('[name=autoDispatchThreshold]').removeAttribute('min')");
            threshold(browser, "0.2");
            browser.driver().findElement(By.cssSelector("#automatic button[type=submit]")).click();
            browser.awaitText(By.id("form-error"), "自动派单阈值：须在 0.5 至 1 之间");
            assertThat(browser.text(By.id("automatic-state"))).startsWith("已开启");

            browser.driver().findElement(By.cssSelector("#models button[type=submit]")).click();
            assertThat(browser.text(By.cssSelector(".notice"))).satisfiesAnyOf(
                    notice -> assertThat(notice).startsWith("已开始重新训练"),
                    notice -> assertThat(notice).isEqualTo("派单模型正在训练中"));
            // the run's outcome for each model: a new version, or why there is none, in Chinese
            await("the training run's outcome").atMost(ofSeconds(120)).until(() -> {
                browser.go("/admin/dispatch");
                return !browser.text(By.cssSelector("#models button")).equals("正在训练…")
                        && browser.driver().findElements(By.cssSelector("#last-run li")).size() == 2;
            });
            assertThat(browser.driver().findElements(By.cssSelector("#last-run li"))).extracting(WebElement::getText)
                    .satisfiesExactly(line -> assertThat(line).matches("分类模型：(训练出第 \\d+ 版|样本不足).*"),
                            line -> assertThat(line).matches("承办单位模型：(训练出第 \\d+ 版|样本不足).*"));

            browser.driver().findElement(By.name("autoDispatch")).click();
            threshold(browser, "0.9");
            browser.driver().findElement(By.cssSelector("#automatic button[type=submit]")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已关闭自动派单：新登记的工单均由坐席派单");
            assertThat(browser.text(By.id("automatic-state"))).startsWith("已关闭");
        } finally {
            Api.as("admin").body(java.util.Map.of("autoDispatch", false, "autoDispatchThreshold", 0.9))
                    .put("/api/dispatch/settings").then().statusCode(200);
        }
    }

    private static void threshold(Browser browser, String value) {
        WebElement field = browser.driver().findElement(By.name("autoDispatchThreshold"));
        field.clear();
        field.sendKeys(value);
    }
}
