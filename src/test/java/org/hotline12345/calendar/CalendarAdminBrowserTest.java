package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.oneOf;

import java.net.URL;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In November the State Council publishes next year's arrangement: an administrator pastes it on /admin/calendar,
 * sees it listed with its days, gets a wrong line back with the text kept, checks a deadline, and deletes the year.
 */
@QuarkusTest
class CalendarAdminBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @AfterEach
    void leave2027Unmaintained() {
        clock.reset();
        Api.as("admin").delete("/api/calendar/years/2027").then().statusCode(oneOf(200, 404));
    }

    private static void paste(Browser browser, String year, String text) {
        WebElement yearField = browser.driver().findElement(By.cssSelector("#year-form input[name=year]"));
        yearField.clear();
        yearField.sendKeys(year);
        WebElement entries = browser.driver().findElement(By.cssSelector("#year-form textarea[name=entries]"));
        entries.clear();
        entries.sendKeys(text);
        browser.driver().findElement(By.cssSelector("#year-form button[type=submit]")).click();
    }

    @Test
    void anAdministratorAddsNextYearAndSeesItsDays() {
        clock.set(Shanghai.at("2026-11-24T10:00"));
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("admin");
            browser.go("/admin");
            browser.driver().findElement(By.partialLinkText("节假日日历")).click();
            assertThat(browser.text(By.cssSelector(".gap[data-year='2027']")))
                    .startsWith("2027 年尚未维护：截止时间仅按周末计算");
            assertThat(browser.text(By.cssSelector("#year-2026 .source"))).isEqualTo("内置");
            assertThat(browser.driver().findElement(By.name("entries")).getAttribute("placeholder"))
                    .contains("off  2027-01-01              元旦");

            String wrong = "off  2027-01-01  元旦\nwork 2027-03-01  春节\n";
            paste(browser, "2027", wrong);
            assertThat(browser.text(By.id("error")))
                    .as("as the browser shows it, spaces collapsed")
                    .isEqualTo("第 2 行“work 2027-03-01 春节”：2027-03-01 是星期一，调休上班日必须是星期六或星期日");
            assertThat(browser.driver().findElement(By.name("entries")).getAttribute("value")).isEqualTo(wrong);
            assertThat(browser.driver().findElement(By.name("year")).getAttribute("value")).isEqualTo("2027");
            assertThat(browser.driver().findElements(By.id("year-2027"))).as("nothing saved").isEmpty();

            paste(browser, "2027", CalendarYearsApiTest.YEAR_2027);
            assertThat(browser.text(By.id("done"))).startsWith("已保存 2027 年节假日安排");
            assertThat(browser.driver().findElements(By.cssSelector(".gap[data-year='2027']"))).isEmpty();
            assertThat(browser.text(By.cssSelector("#year-2027 .source"))).isEqualTo("管理员维护");
            assertThat(browser.text(By.cssSelector("#year-2027 p.muted"))).contains("系统管理员（admin）于 2026-11-24 10:00 保存")
                    .contains("放假 8 天").contains("调休上班 2 天");
            assertThat(browser.driver().findElements(By.cssSelector("#year-2027 tbody tr")).stream()
                    .map(WebElement::getText).toList()).containsExactly(
                            "元旦 放假 2027-01-01 星期五 1",
                            "春节 放假 2027-02-06 星期六 至 2027-02-12 星期五 7",
                            "春节 调休上班 2027-02-14 星期日 1",
                            "春节 调休上班 2027-02-20 星期六 1");
            browser.screenshot("admin-calendar");

            browser.pick(By.cssSelector("#tester input[name=date]"), "2027-02-05");
            WebElement limit = browser.driver().findElement(By.cssSelector("#tester input[name=limit]"));
            limit.clear();
            limit.sendKeys("1wd");
            browser.driver().findElement(By.cssSelector("#tester button")).click();
            assertThat(browser.text(By.id("probe-day"))).isEqualTo("2027-02-05 星期五：工作日");
            assertThat(browser.text(By.id("probe-deadline"))).as("over the break to the make-up Sunday")
                    .isEqualTo("2027-02-14 星期日 09:00");

            browser.driver().findElement(By.cssSelector("#year-2027 a.delete")).click();
            assertThat(browser.text(By.cssSelector("#confirm-delete p"))).startsWith("确定删除管理员维护的 2027 年安排吗？");
            browser.driver().findElement(By.cssSelector("#confirm-delete button")).click();
            assertThat(browser.text(By.id("done"))).startsWith("已删除管理员维护的 2027 年安排，该年截止时间仅按周末计算");
            assertThat(browser.driver().findElements(By.id("year-2027"))).isEmpty();
        }
    }

    @Test
    void onlyAdministratorsOpenThePage() {
        Pages.as("supervisor").get("/admin/calendar").then().statusCode(403);
        Pages.as("admin").get("/admin/calendar?edit=2026").then().statusCode(200)
                .body(containsString("off  2026-01-01..2026-01-03 元旦"));
    }
}
