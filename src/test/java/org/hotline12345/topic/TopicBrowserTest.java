package org.hotline12345.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.step;

import java.net.URL;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A supervisor opens a monthly topic from the home page through its form (a period that is not one comes back with
 * the reason and what was typed), reads the report with its trend chart, its department table and the departments'
 * replies, and closes it with the month's findings.
 */
@QuarkusTest
class TopicBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSupervisorOpensATopicReadsItsReportAndClosesIt() {
        // June 2023, a month only this test registers in: two 停车收费 requests in 城南区, one replied by 市住建局
        String replied = register("2023-06-05T10:00", "南湖街道", "小区停车费上涨", "物业把小区地面停车费从每月150元涨到300元。");
        step("housing", replied, "accept").statusCode(200);
        clock.set(Shanghai.at("2023-06-05T16:00"));
        step("housing", replied, "reply", Map.of("content", "经核查，停车收费调整未按规定公示，已责令物业公司恢复原收费标准。"))
                .statusCode(200);
        String open = register("2023-06-12T09:30", "南湖街道", "停车费收费无依据", "物业收停车费没有任何收费依据。");
        clock.set(Shanghai.at("2023-07-03T09:00"));

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            browser.go("/supervisor");
            browser.driver().findElement(By.id("topics-link")).click();
            browser.driver().findElement(By.id("topic-title")).sendKeys("小区停车收费");
            browser.pick(By.id("topic-month"), "2023-06");
            new Select(browser.driver().findElement(By.id("topic-categories"))).selectByValue("0101");
            browser.driver().findElement(By.id("topic-keywords")).sendKeys("停车费 停车收费");
            new Select(browser.driver().findElement(By.id("topic-area"))).selectByValue("城南区");
            browser.pick(By.id("topic-from"), "2023-06-30");
            browser.pick(By.id("topic-to"), "2023-06-01");
            browser.driver().findElement(By.id("topic-submit")).click();

            // refused in the site's frame, with the reason naming the field and nothing typed lost
            assertThat(browser.text(By.id("error"))).isEqualTo("截止日期：截止日期不能早于开始日期");
            assertThat(browser.driver().findElement(By.id("topic-title")).getDomProperty("value")).isEqualTo("小区停车收费");
            assertThat(browser.driver().findElement(By.id("topic-keywords")).getDomProperty("value"))
                    .isEqualTo("停车费 停车收费");
            assertThat(new Select(browser.driver().findElement(By.id("topic-area"))).getFirstSelectedOption().getText())
                    .isEqualTo("城南区");
            assertThat(new Select(browser.driver().findElement(By.id("topic-categories"))).getAllSelectedOptions())
                    .extracting(WebElement::getText).containsExactly("城乡建设 / 物业管理");
            assertThat(browser.driver().findElements(By.cssSelector("header.top nav a"))).isNotEmpty();
            browser.screenshot("topic-form-refused");
            browser.pick(By.id("topic-from"), "2023-06-01");
            browser.pick(By.id("topic-to"), "2023-06-30");
            browser.driver().findElement(By.id("topic-submit")).click();

            assertThat(browser.text(By.id("done"))).isEqualTo("已开启专题");
            assertThat(browser.text(By.cssSelector("h1"))).startsWith("2023-06 每月一题：小区停车收费").contains("进行中");
            assertThat(browser.text(By.id("scope"))).contains("物业管理（含下级分类）").contains("停车费、停车收费（任一）")
                    .contains("城南区").contains("2023-06-01 至 2023-06-30").contains("陈班长（2023-07-03 09:00）");
            assertThat(browser.text(By.id("total"))).isEqualTo("2");
            assertThat(browser.text(By.id("closed"))).isEqualTo("0");
            assertThat(browser.text(By.id("in-progress"))).isEqualTo("2");
            assertThat(browser.text(By.id("replied"))).isEqualTo("1");
            browser.awaitText(By.id("trend-unit"), "按日");
            assertThat(browser.driver().findElement(By.tagName("body")).getDomAttribute("data-charts-drawn"))
                    .isEqualTo("true");
            assertThat(browser.driver().findElements(By.cssSelector("#chart-trend canvas"))).isNotEmpty();
            assertThat(browser.text(By.cssSelector("#departments tr[data-code='HOUSING']")))
                    .isEqualTo("市住建局 2 0 1 0 0 0");
            assertThat(browser.text(By.cssSelector("#work-orders tr[data-number='" + replied + "']")))
                    .contains("小区停车费上涨").contains("城南区南湖街道").contains("市住建局").contains("在办")
                    .contains("经核查，停车收费调整未按规定公示");
            assertThat(browser.text(By.cssSelector("#work-orders tr[data-number='" + open + "']"))).contains("尚未答复");
            assertThat(browser.text(By.id("places"))).contains("城南区 南湖街道 2");
            assertThat(browser.driver().findElement(By.id("export")).getDomAttribute("href")).endsWith("/export");
            browser.screenshot("topic-report");
            script(browser, "document.getElementById('chart-trend').scrollIntoView()");
            browser.screenshot("topic-report-departments");

            browser.driver().findElement(By.id("conclusion-input"))
                    .sendKeys("本月城南区南湖街道停车收费诉求集中，市住建局已责令恢复原收费标准；下月跟踪其他小区。");
            browser.driver().findElement(By.id("close-submit")).click();
            assertThat(browser.text(By.id("done"))).isEqualTo("已结题");
            assertThat(browser.text(By.id("topic-status"))).isEqualTo("已结题");
            assertThat(browser.text(By.id("conclusion-text"))).startsWith("本月城南区南湖街道停车收费诉求集中");
            assertThat(browser.text(By.cssSelector("#conclusion h2"))).isEqualTo("本月结论 陈班长（2023-07-03 09:00）");
            assertThat(browser.driver().findElements(By.id("close-topic"))).isEmpty();
            browser.screenshot("topic-closed");

            // the printable report: the site's header, the tools and the forms left out, the report kept
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(browser.driver().findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("print-report")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("conclusion-text")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("departments")).isDisplayed()).isTrue();
            browser.screenshot("topic-print");
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            assertThat(browser.console()).noneMatch(line -> line.contains("SEVERE"));
        }
    }

    private static void script(Browser browser, String script) {
        ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    /** Registers a 物业服务收费 request in 城南区 with the clock at the city's {@code at}, dispatched to 市住建局. */
    private String register(String at, String street, String title, String content) {
        return TopicFixtures.registerAt(clock, at, "010101", "城南区", street, title, content, "HOUSING");
    }
}
